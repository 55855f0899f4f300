package dev.vlsuite.shared.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr when stderr is a terminal, nothing in pipes and tests. Wraps
 * me.tongfei:progressbar so callers only see step/extra-message/close.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total number of steps, or -1 when unknown */
    public static Progress start(String task, long total) {
        if (!interactive()) return new Progress(null);
        ProgressBar b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
                .showSpeed().setUpdateIntervalMillis(250).build();
        return new Progress(b);
    }

    /** True when a person is watching: stderr is a console and not redirected. */
    public static boolean interactive() {
        return System.console() != null && System.getenv("VLSUITE_NO_PROGRESS") == null;
    }

    public void step() {
        if (bar != null) bar.step();
    }

    public void stepTo(long n) {
        if (bar != null) bar.stepTo(n);
    }

    public void message(String extra) {
        if (bar != null) bar.setExtraMessage(extra);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
