/**
 * VQA models as DJL blocks, tensors in and out (no files, no flags): {@link dev.vlsuite.vqa.model.VqaNet} with
 * {@code lstm-q-norm-i} (Antol et al. 2015) and {@code san} (Yang et al. 2016, stacked attention), their shared
 * question LSTM, and the {@link dev.vlsuite.vqa.model.VqaConfig} record saved in bundles.
 */
package dev.vlsuite.vqa.model;
