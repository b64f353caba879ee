package dev.aisle.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place at most a few times per second; when the total is
 * unknown it shows a count and a rate instead.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;

    private final String label;

    private final long total;

    private final String unit;

    private final long started = System.nanoTime();

    private long lastDraw;

    private long current;

    /**
     * @param label what is progressing
     * @param total the total, or 0 when unknown
     * @param unit what is counted
     */
    public ProgressBar(String label, long total, String unit) {
        this(System.err, label, total, unit);
    }

    public ProgressBar(PrintStream out, String label, long total, String unit) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    /** Sets the current count and redraws when enough time has passed. */
    public synchronized void update(long value) {
        current = value;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            out.print('\r' + render(value, now));
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    public synchronized void finish() {
        out.println('\r' + render(current, System.nanoTime()));
    }

    /** The elapsed time since the bar was created. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    String render(long value, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f %s/s", value / seconds, unit);
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s %,d %s  %s  %.1fs", label, value, unit, rate, seconds);
        }
        double fraction = Math.min(1, (double) value / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %,d/%,d %s  %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, value, total, unit, rate);
    }
}
