package dev.vlsuite.shared.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** METEOR's -norm rules on already PTB-tokenised, lower-cased captions. */
class MeteorNormalizerTest {

    @Test
    void tokenizedCaptionsPassThrough() {
        assertEquals("a man riding a horse on a beach", MeteorNormalizer.normalize("a man riding a horse on a beach"));
        assertEquals("two dogs", MeteorNormalizer.normalize("  Two   DOGS "));
    }

    @Test
    void possessivesAndContractionsAreSplitTheMeteorWay() {
        assertEquals("the dog ' s ball", MeteorNormalizer.normalize("the dog 's ball"));
        assertEquals("1990 's", MeteorNormalizer.normalize("1990's"));
        assertEquals("do n 't", MeteorNormalizer.normalize("do n't"));
    }

    @Test
    void dashesSlashesAndDots() {
        assertEquals("a 3 year old child", MeteorNormalizer.normalize("a 3-year-old child"));
        assertEquals("and / or", MeteorNormalizer.normalize("and/or"));
        assertEquals("usa flag", MeteorNormalizer.normalize("u.s.a. flag"));
        assertEquals("a racket .", MeteorNormalizer.normalize("a racket."));
        assertEquals("mr. smith", MeteorNormalizer.normalize("mr. smith"));
        assertEquals("wait ...", MeteorNormalizer.normalize("wait..."));
        assertEquals("1,000 cats , dogs", MeteorNormalizer.normalize("1,000 cats,dogs"));
    }

    @Test
    void unicodeSpacesAndQuotes() {
        assertEquals("3 1 / 2", MeteorNormalizer.normalize("3\u00a01/2"));
        assertEquals("' hi '", MeteorNormalizer.normalize("\u2018hi\u2019"));
        assertEquals("\" hi \"", MeteorNormalizer.normalize("\u201chi\u201d"));
        assertEquals("a - b", MeteorNormalizer.normalize("a \u2013 b"));
    }
}
