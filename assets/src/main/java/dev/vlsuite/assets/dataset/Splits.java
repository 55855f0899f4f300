package dev.vlsuite.assets.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Train/val/test proportions, e.g. {@code 0.8,0.1,0.1}. Scenes are assigned in order: the first
 * round(n * train) go to train, the next round(n * val) to val, the rest to test.
 */
public record Splits(double train, double val, double test) {
    public static final Splits DEFAULT = new Splits(0.8, 0.1, 0.1);

    public Splits {
        if (!(train >= 0 && val >= 0 && test >= 0) || train + val + test <= 0)
            throw new IllegalArgumentException("split proportions must be >= 0 and not all zero: " + train + "," + val + "," + test);
    }

    /** @throws IllegalArgumentException when the text is not three comma-separated numbers */
    public static Splits parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) throw new IllegalArgumentException("a split needs three numbers train,val,test: " + text);
        try {
            return new Splits(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), Double.parseDouble(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a split needs three numbers train,val,test: " + text, e);
        }
    }

    /** The split name ("train", "val", "test") of each of n scenes, in order. */
    public List<String> assign(int n) {
        double sum = train + val + test;
        int nTrain = (int) Math.min(n, Math.round(n * train / sum));
        int nVal = (int) Math.min(n - nTrain, Math.round(n * val / sum));
        if (test == 0) nVal = n - nTrain; // nothing may fall into a split the user set to zero
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(i < nTrain ? "train" : i < nTrain + nVal ? "val" : "test");
        return out;
    }
}
