package dev.vlsuite.captioning.model;

import ai.djl.ndarray.NDArray;

/**
 * One teacher-forced training batch. All arrays live in the per-iteration scope (DJL-NOTES 1.4).
 *
 * @param grid    (B, L, D) FLOAT32 backbone features (L = 1 and the pooled vector for show-tell)
 * @param tokens  (B, T+1) INT64: &lt;start&gt; w1 .. wn &lt;end&gt; &lt;pad&gt;...; inputs are [:, :-1], targets [:, 1:]
 * @param lengths (B) INT64: number of target tokens per row (words + &lt;end&gt;)
 */
public record CaptionBatch(NDArray grid, NDArray tokens, NDArray lengths) {}
