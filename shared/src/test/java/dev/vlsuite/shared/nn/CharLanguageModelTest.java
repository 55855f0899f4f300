package dev.vlsuite.shared.nn;

import dev.vlsuite.shared.train.GradientClipping;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.decode.DecodeOptions;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The proof that the recurrent core learns (min-char-rnn's task): a character LSTM language model on a short
 * English text, trained with DJL's Trainer, Adam and global-norm clipping, must push its loss far below
 * log(V) and then sample text made of the text's own words.
 */
class CharLanguageModelTest {
    private static final int E = 24, H = 96, B = 16, T = 24, STEPS = 200;

    /** Embedding -> LstmCell over T steps -> one Linear over all steps at once. */
    static final class CharLm extends AbstractBlock implements StepModel<TensorState> {
        final Embedding embedding;
        final LstmCell cell;
        final Linear output;
        ParameterStore inference;

        CharLm(int vocab) {
            super((byte) 1);
            embedding = addChildBlock("embedding", new Embedding(vocab, E));
            cell = addChildBlock("lstm", new LstmCell(E, H));
            output = addChildBlock("output", Linear.builder().setUnits(vocab).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray ids = in.head();                                              // (B, T)
            NDArray x = embedding.embed(ps, ids, training);                       // (B, T, E) all steps at once
            long batch = ids.getShape().get(0), steps = ids.getShape().get(1);
            NDList state = cell.zeroState(ids.getManager(), batch);
            NDList hs = new NDList();
            for (int t = 0; t < steps; t++) {
                state = cell.step(ps, x.get(new NDIndex(":, {}", t)), state, training); // (B, E) -> (h, c)
                hs.add(cell.output(state));
            }
            NDArray h = NDArrays.stack(hs, 1).reshape(batch * steps, H);          // (B*T, H)
            return output.forward(ps, new NDList(h), training);                  // (B*T, V)
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return new Shape[] {new Shape(in[0].get(0) * in[0].get(1), embedding.vocabSize())};
        }

        @Override
        protected void initializeChildBlocks(NDManager m, DataType type, Shape... in) {
            embedding.initialize(m, type, in[0]);
            cell.initialize(m, type, new Shape(in[0].get(0), E));
            output.initialize(m, type, new Shape(in[0].get(0), H));
        }

        @Override
        public TensorState start(NDList inputs) {
            return new TensorState(cell.zeroState(inputs.head().getManager(), inputs.head().getShape().get(0)));
        }

        @Override
        public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
            NDList next = cell.step(inference, embedding.embed(inference, prevTokens, false), state.tensors(), false);
            NDArray logits = output.forward(inference, new NDList(cell.output(next)), false).head(); // (R, V)
            return new StepResult<>(logits.logSoftmax(1), new TensorState(next), null);
        }
    }

    @Test
    void lstmLearnsCharactersAndSamplesRealWords() throws IOException {
        String text = readText();
        List<Character> alphabet = new ArrayList<>(new TreeSet<>(chars(text)));
        int end = alphabet.size();                 // an extra id never seen in training, so sampling runs long
        int vocab = alphabet.size() + 1;
        int[] ids = text.chars().map(c -> alphabet.indexOf((char) c)).toArray();
        Engine.getInstance().setRandomSeed(42);
        Random random = new Random(42);

        CharLm net = new CharLm(vocab);
        List<Float> losses = new ArrayList<>();
        long started = System.nanoTime();
        try (Model model = Model.newInstance("charlm")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(B, T));
                for (int step = 0; step < STEPS; step++) {
                    long[] in = new long[B * T], target = new long[B * T];
                    for (int b = 0; b < B; b++) {
                        int from = random.nextInt(ids.length - T - 1);
                        for (int t = 0; t < T; t++) {
                            in[b * T + t] = ids[from + t];
                            target[b * T + t] = ids[from + t + 1];
                        }
                    }
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        NDArray x = scope.create(in, new Shape(B, T));
                        NDArray y = scope.create(target);                                   // (B*T)
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                            gc.backward(loss);
                            losses.add(loss.getFloat());
                        }
                        GradientClipping.clipGlobalNorm(net.getParameters(), 5, scope);
                        trainer.step();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double logV = Math.log(vocab);
            double first = losses.get(0);
            double last = losses.subList(STEPS - 20, STEPS).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
            System.out.printf("char-LM: V=%d, loss %.3f -> %.3f (log V = %.3f) in %d steps, %.1f s%n", vocab, first, last, logV, STEPS, seconds);
            assertEquals(logV, first, 0.5, "an untrained model is near uniform");
            assertTrue(last < 0.5 * logV, "loss " + last + " should fall below half of log V = " + logV);

            // sample with the trained weights through the shared decoding API
            net.inference = new ParameterStore(model.getNDManager(), false);
            try (NDManager m = model.getNDManager().newSubManager()) {
                int startId = alphabet.indexOf(' ');
                var hyps = Decoding.sample(net, new NDList(m.zeros(new Shape(1, 1))), new DecodeOptions(startId, end, 400), 0.5f, 7);
                StringBuilder sample = new StringBuilder();
                for (int id : hyps.get(0).get(0).contentTokens()) {
                    assertTrue(id < alphabet.size(), "sampled id outside the training alphabet: " + id);
                    sample.append(alphabet.get(id));
                }
                System.out.println("char-LM sample: " + sample);
                Set<String> known = words(text);
                List<String> sampled = new ArrayList<>();
                for (String w : sample.toString().split("[^A-Za-z]+")) {
                    if (w.length() >= 3) {
                        sampled.add(w.toLowerCase());
                    }
                }
                long real = sampled.stream().filter(known::contains).count();
                assertTrue(sampled.size() >= 20, "a 400-char sample holds many words: " + sample);
                assertTrue(real >= 0.7 * sampled.size(), real + " of " + sampled.size() + " words are real: " + sample);
                Set<Character> textChars = chars(text);
                assertTrue(chars(sample.toString()).stream().allMatch(textChars::contains));
            }
        }
    }

    private static String readText() throws IOException {
        try (InputStream in = CharLanguageModelTest.class.getResourceAsStream("/nn/lighthouse.txt")) {
            assertNotNull(in, "test resource nn/lighthouse.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<Character> chars(String s) {
        Set<Character> out = new HashSet<>();
        for (char c : s.toCharArray()) {
            out.add(c);
        }
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase().split("[^a-z]+")) {
            out.add(w);
        }
        return out;
    }
}
