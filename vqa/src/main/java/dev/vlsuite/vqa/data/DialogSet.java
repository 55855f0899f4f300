package dev.vlsuite.vqa.data;

import dev.vlsuite.shared.metrics.retrieval.DenseAnnotation;
import dev.vlsuite.shared.metrics.retrieval.VisDialData;
import dev.vlsuite.shared.metrics.retrieval.VisDialDialog;
import dev.vlsuite.shared.metrics.retrieval.VisDialFiles;
import dev.vlsuite.shared.metrics.retrieval.VisDialRound;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A VisDial v1.0 dialogs file (read by shared.metrics.retrieval) with its images and dense annotations, as word ids:
 * the answer pool tokenised once, every round as a {@link DialogRoundSample}. Dialogs whose image cannot be found
 * are dropped with one line each.
 */
public record DialogSet(VisDialData data, List<DenseAnnotation> dense, List<Path> images, int[][] answers,
                        List<List<DialogRoundSample>> dialogs) {

    /** Words of every text, for the vocabulary: questions, answers and captions. */
    public static List<List<String>> sentences(VisDialData data) {
        List<List<String>> s = new ArrayList<>();
        for (String q : data.questions()) s.add(QuestionIds.words(q));
        for (String a : data.answers()) s.add(QuestionIds.words(a));
        for (VisDialDialog d : data.dialogs()) s.add(QuestionIds.words(d.caption()));
        return s;
    }

    /**
     * Reads the dialogs file (and the dense file when given), finds the images under {@code imagesRoot} and
     * encodes everything with {@code vocabulary}; {@code onBadFile} gets one line per dropped dialog.
     */
    public static DialogSet read(Path dialogsFile, Path denseFile, Path imagesRoot, Vocabulary vocabulary,
                                 int maxQuestion, int maxAnswer, int maxHistory, Consumer<String> onBadFile) throws IOException {
        VisDialData data = VisDialFiles.readDialogs(dialogsFile);
        List<DenseAnnotation> dense = denseFile == null ? List.of() : VisDialFiles.readDenseAnnotations(denseFile);
        return of(data, dense, imagesRoot, vocabulary, maxQuestion, maxAnswer, maxHistory, onBadFile, dialogsFile.toString());
    }

    public static DialogSet of(VisDialData data, List<DenseAnnotation> dense, Path imagesRoot, Vocabulary vocabulary,
                               int maxQuestion, int maxAnswer, int maxHistory, Consumer<String> onBadFile, String source) throws IOException {
        ImageLocator locator = ImageLocator.open(imagesRoot);
        int[][] answers = new int[data.answers().size()][];
        for (int i = 0; i < answers.length; i++) answers[i] = QuestionIds.encode(data.answers().get(i), vocabulary, maxAnswer);
        int[][] questions = new int[data.questions().size()][];
        for (int i = 0; i < questions.length; i++) questions[i] = QuestionIds.encode(data.questions().get(i), vocabulary, maxQuestion);
        List<VisDialDialog> kept = new ArrayList<>();
        List<Path> images = new ArrayList<>();
        List<List<DialogRoundSample>> dialogs = new ArrayList<>();
        for (VisDialDialog d : data.dialogs()) {
            Path image;
            try {
                image = locator.locate(d.imageId(), data.split());
            } catch (IllegalArgumentException e) {
                onBadFile.accept(source + ": " + e.getMessage() + " (dialog skipped)");
                continue;
            }
            int index = kept.size();
            kept.add(d);
            images.add(image);
            List<DialogRoundSample> rounds = new ArrayList<>();
            List<Integer> history = new ArrayList<>();
            for (String w : QuestionIds.words(d.caption())) history.add(vocabulary.id(w));
            for (int r = 0; r < d.numRounds(); r++) {
                VisDialRound round = d.rounds().get(r);
                int[] q = round.question() >= 0 ? questions[round.question()] : new int[] {Vocabulary.UNK_ID};
                rounds.add(new DialogRoundSample(index, r, image, q, recent(history, maxHistory), round.answerOptions(), round.gtIndex()));
                for (int id : q) history.add(id);
                if (round.answer() >= 0) for (int id : answers[round.answer()]) history.add(id);
            }
            dialogs.add(rounds);
        }
        Set<Long> keptIds = new HashSet<>();
        for (VisDialDialog d : kept) keptIds.add(d.imageId());
        List<DenseAnnotation> keptDense = dense.stream().filter(a -> keptIds.contains(a.imageId())).toList();
        VisDialData keptData = new VisDialData(data.version(), data.split(), data.questions(), data.answers(), kept);
        return new DialogSet(keptData, keptDense, images, answers, dialogs);
    }

    // the last maxHistory tokens; an empty history (no caption) reads as one <unk>
    private static int[] recent(List<Integer> history, int maxHistory) {
        if (history.isEmpty()) return new int[] {Vocabulary.UNK_ID};
        int from = Math.max(0, history.size() - maxHistory);
        return history.subList(from, history.size()).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every round with a ground truth (what training reads). */
    public List<DialogRoundSample> answeredRounds() {
        List<DialogRoundSample> out = new ArrayList<>();
        for (List<DialogRoundSample> d : dialogs) for (DialogRoundSample r : d) if (r.gtIndex() >= 0) out.add(r);
        return out;
    }
}
