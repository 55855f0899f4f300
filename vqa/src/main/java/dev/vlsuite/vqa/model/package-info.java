/**
 * VQA models as DJL blocks, tensors in and out (no files, no flags): {@link dev.vlsuite.vqa.model.VqaNet} with
 * {@code lstm-q-norm-i} (Antol et al. 2015) and {@code san} (Yang et al. 2016, stacked attention; with our options for the synthetic world: a low-rank bilinear
 * question x attended-image term, cell coordinates, a 3x3 image projection), their shared
 * question LSTM, and the {@link dev.vlsuite.vqa.model.VqaConfig} record saved in bundles. Visual dialog:
 * {@link dev.vlsuite.vqa.model.LateFusionNet} (late-fusion encoder, LF-QIH / LF-QI, or lf-att: attention over the
 * conv grid guided by the question and the history; image features standardised per channel) with the discriminative decoder
 * (candidates encoded by an LSTM, dot-product scores) or the generative one (an answer LSTM language model started
 * from the encoding, {@code LateFusionConfig.decoder = "gen"}; {@code "both"} has the two heads on one encoder): candidates by length-normalised log-likelihood,
 * {@link dev.vlsuite.vqa.model.AnswerTokens} its teacher-forcing rows, {@link dev.vlsuite.vqa.model.AnswerStepModel}
 * its step for the shared beam search.
 */
package dev.vlsuite.vqa.model;
