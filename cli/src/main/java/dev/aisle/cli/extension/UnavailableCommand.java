package dev.aisle.cli.extension;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** Stands in for a contributed command whose class is not in this build. */
@Command(description = "Not available in this build.")
final class UnavailableCommand implements Callable<Integer> {

    /** Exit code of a command that is not available. */
    static final int NOT_AVAILABLE = 3;

    private final String name;

    private final String className;

    @Unmatched
    List<String> ignored;

    UnavailableCommand(String name, String className) {
        this.name = name;
        this.className = className;
    }

    @Override
    public Integer call() {
        System.err.println("'" + name + "' is not available in this build (" + className + " is not on the class path).");
        return NOT_AVAILABLE;
    }
}
