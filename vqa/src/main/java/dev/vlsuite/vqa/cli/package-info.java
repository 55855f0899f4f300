/** {@code bin/vqa}: ask, train, eval, score; picocli parse, call the library, print. */
package dev.vlsuite.vqa.cli;
