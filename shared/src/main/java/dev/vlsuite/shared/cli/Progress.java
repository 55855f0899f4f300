package dev.vlsuite.shared.cli;

import java.io.PrintStream;
import java.util.Map;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr when stderr is a terminal, nothing when stderr is redirected, in CI and in
 * tests. stdout is never touched, so {@code caption run photos/ > captions.txt} (or {@code | tee}) shows
 * the bar while the captions go to the file. Wraps me.tongfei:progressbar so callers only see
 * step/extra-message/close.
 */
public final class Progress implements AutoCloseable {
    /** Set by bin/_launch from {@code [ -t 2 ]}: Java itself cannot ask whether fd 2 is a terminal. */
    public static final String STDERR_TTY_PROPERTY = "vlsuite.stderr.tty";

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total number of steps, or -1 when unknown */
    public static Progress start(String task, long total) {
        return start(task, total, System.err, interactive());
    }

    /** A bar drawn on {@code err} when {@code show}, else a Progress that does nothing. */
    public static Progress start(String task, long total, PrintStream err, boolean show) {
        if (!show) return new Progress(null);
        ProgressBar b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new InteractiveConsoleProgressBarConsumer(err))
                .showSpeed().setUpdateIntervalMillis(250).build();
        return new Progress(b);
    }

    /** True when a person is watching stderr, by {@link #shouldShow} on this process's facts. */
    public static boolean interactive() {
        return shouldShow(System.getProperty(STDERR_TTY_PROPERTY), System.console() != null, System.getenv());
    }

    /**
     * The whole decision. CI=true (any value but false/0) or VLSUITE_NO_PROGRESS: never. Otherwise the
     * launcher's word on whether stderr is a terminal ("true"/"false"). Without a launcher (java -cp ...),
     * a console (stdin and stdout terminals) is the best guess Java 17 has.
     */
    static boolean shouldShow(String stderrTty, boolean console, Map<String, String> env) {
        String ci = env.get("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0")) return false;
        if (env.containsKey("VLSUITE_NO_PROGRESS")) return false;
        if (stderrTty != null && !stderrTty.isBlank()) return Boolean.parseBoolean(stderrTty.trim());
        return console;
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
