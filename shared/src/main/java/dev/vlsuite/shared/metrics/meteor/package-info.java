/**
 * METEOR 1.5 (English, {@code -norm}) in process, reproducing what the MS-COCO caption evaluation
 * gets from {@code meteor-1.5.jar -stdio}: {@link dev.vlsuite.shared.metrics.meteor.Meteor} is the
 * entry point, {@link dev.vlsuite.shared.metrics.meteor.SegmentStats} METEOR's sufficient statistics.
 *
 * <p>Data: the function-word list and nonbreaking prefixes are resources of this package; synonyms
 * come from the original WordNet 3.0 files in net.sf.extjwnl:extjwnl-data-wn30 (licence text:
 * WORDNET-LICENSE next to the resources); the paraphrase table is read from a path the user gives.
 * Stems come from Lucene's Snowball English stemmer (METEOR bundled an older build of the same
 * Snowball algorithm).
 */
package dev.vlsuite.shared.metrics.meteor;
