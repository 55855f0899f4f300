/**
 * The VQA data files users have: the official questions and annotations JSON (v1 and v2) and their images under
 * a root (COCO names, plain ids, or a Karpathy dataset.json such as the synthetic world's), bad rows reported one
 * line each, paths never leaving the root.
 */
package dev.vlsuite.vqa.data;
