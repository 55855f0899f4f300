/**
 * Training the navigation agents on the shared training loop: rollouts with teacher or student forcing, official
 * validation metrics. rcm ({@link dev.vlsuite.navigation.training.RcmTraining}): imitation in the panoramic space,
 * then RL fine-tuning (shared REINFORCE helper; distance, success and speaker rewards,
 * {@link dev.vlsuite.navigation.training.RcmRlConfig}); the speaker ({@link dev.vlsuite.navigation.training.SpeakerTraining}).
 */
package dev.vlsuite.navigation.training;
