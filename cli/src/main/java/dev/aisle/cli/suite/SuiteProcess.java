package dev.aisle.cli.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running application of the suite: the child process and its log file. */
public final class SuiteProcess {

    private final SuiteApp app;

    private final Process process;

    private final Path log;

    SuiteProcess(SuiteApp app, Process process, Path log) {
        this.app = app;
        this.process = process;
        this.log = log;
    }

    public SuiteApp app() {
        return app;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Resident set size in KiB from {@code /proc/<pid>/status}, or -1 where unavailable. */
    public long residentKib() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException ex) {
            return -1;
        }
        return -1;
    }

    /** Sends SIGTERM without waiting. */
    public void requestStop() {
        process.destroy();
    }

    /** Asks the application to stop (SIGTERM: Spring shuts down gracefully), then forces it after the grace time. */
    public void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The last lines of the log, for an error report. */
    public List<String> tail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
