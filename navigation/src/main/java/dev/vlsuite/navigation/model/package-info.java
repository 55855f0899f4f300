/**
 * Navigation models as DJL blocks (tensors in, tensors out): the seq2seq agent of Anderson et al. 2018; the
 * cross-modal rcm navigator of Wang et al. 2019 over panoramic actions ({@link dev.vlsuite.navigation.model.RcmNet})
 * and its matching critic, the speaker ({@link dev.vlsuite.navigation.model.SpeakerNet}: trajectory -> instruction).
 */
package dev.vlsuite.navigation.model;
