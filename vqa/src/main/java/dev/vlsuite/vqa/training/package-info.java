/**
 * VQA training on the shared loop: cached backbone features, the question vocabulary, the top-K answer classes with
 * VQA v2 soft targets (or most-frequent-answer cross-entropy), per-channel feature statistics, and validation with
 * the official per-question accuracy (shared.metrics.vqa). Visual dialog: DialogTraining/DialogTask (disc, gen or both
 * losses, the image standardisation's statistics, validation with the official VisDial metrics) and DialogScorer.
 */
package dev.vlsuite.vqa.training;
