package dev.vlsuite.captioning.model;

/** How an attention decoder turns alpha_t into the context z_t (Xu et al. 2015, section 4). */
enum Glimpse {
    /** Deterministic soft attention: z = sum_i alpha_i a_i. */
    EXPECTED,
    /** Stochastic hard attention: z = a_s with s ~ Multinoulli(alpha). */
    SAMPLED,
    /** Hard attention at test time: z = a_s with s = argmax alpha. */
    MOST_LIKELY
}
