/** Training the navigation agents on the shared training loop: rollouts with teacher or student forcing, official validation metrics. */
package dev.vlsuite.navigation.training;
