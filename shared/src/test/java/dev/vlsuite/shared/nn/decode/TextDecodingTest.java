package dev.vlsuite.shared.nn.decode;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
    /** <start> -> a -> dog -> . -> <end> with wide margins; row 1's bias prefers "cat" over "dog". */
    @Test
    void bestRowsAsDetokenizedTextWithOneAttentionMapPerWord() {
        Vocabulary vocab = Vocabulary.of(List.of("a", "dog", ".", "cat"));   // ids 4..7 after the four specials
        int v = vocab.size();
        double[][] t = new double[v][v];
        t[Vocabulary.START_ID][4] = 8;
        t[4][5] = 4;
        t[4][7] = 4;
        t[5][6] = 8;
        t[7][6] = 8;
        t[6][Vocabulary.END_ID] = 8;
        try (NDManager m = NDManager.newBaseManager()) {
            MarkovStepModel model = new MarkovStepModel(MarkovStepModel.logits(m, t), null, 3);
            double[][] bias = new double[2][v];
            bias[0][5] = 1;                                                   // row 0: dog
            bias[1][7] = 1;                                                   // row 1: cat
            for (int beam : new int[] {1, 3}) {
                List<TextDecoding.Text> out = TextDecoding.decode(model, new ai.djl.ndarray.NDList(MarkovStepModel.logits(m, bias)),
                        vocab, beam, 10);
                assertEquals(List.of("a", "dog", "."), out.get(0).words(), "beam " + beam);
                assertEquals("a dog.", out.get(0).text());
                assertEquals("a cat.", out.get(1).text());
                assertEquals(3, out.get(0).attention().length, "one map per word, none for <end>");
                assertEquals(3, out.get(0).attention()[0].length);
                assertTrue(out.get(0).logProb() < 0 && out.get(0).logProb() > -2, "confident chain: " + out.get(0).logProb());
            }
            List<TextDecoding.Text> cut = TextDecoding.decode(model, new ai.djl.ndarray.NDList(MarkovStepModel.logits(m, bias)), vocab, 1, 2);
            assertEquals(List.of("a", "dog"), cut.get(0).words(), "cut at maxLength: no end token to drop");
            assertThrows(IllegalArgumentException.class,
                    () -> TextDecoding.decode(model, new ai.djl.ndarray.NDList(MarkovStepModel.logits(m, bias)), vocab, 0, 5));
        }
    }
}
