/**
 * Training the navigation agents on the shared training loop: rollouts with teacher or student forcing over batches
 * of one instruction length (the encoder never reads pads), official validation metrics.
 */
package dev.vlsuite.navigation.training;
