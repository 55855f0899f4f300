/** {@code bin/navigate}: picocli commands (run, train, eval, score) that parse options and call the navigation library. */
package dev.vlsuite.navigation.cli;
