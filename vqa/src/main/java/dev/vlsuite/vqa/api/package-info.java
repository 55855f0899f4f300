/**
 * The VQA Java API the tool itself uses: {@link dev.vlsuite.vqa.api.VisualQuestionAnswerer} (load a bundle or the
 * built-in san model; answer one question, several about one image, or a batch of image/question queries streamed in
 * input order), plain records out ({@link dev.vlsuite.vqa.api.Answer}: answer, probability, top-k, attention of each
 * hop), the bundle reader {@link dev.vlsuite.vqa.api.VqaModel} and the built-in model
 * {@link dev.vlsuite.vqa.api.DefaultModel}. Visual dialog: {@link dev.vlsuite.vqa.api.VisualDialog} (load a bundle or
 * the built-in one, choose the answering head with {@code useDecoder("disc"|"gen")}) and its
 * {@link dev.vlsuite.vqa.api.Conversation} (ask, rank candidates, generate, history, lf-att's attention).
 */
package dev.vlsuite.vqa.api;
