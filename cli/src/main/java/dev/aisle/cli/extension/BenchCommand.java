package dev.aisle.cli.extension;

import dev.aisle.cli.suite.SuiteBenchCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aisle bench}: benchmarks contributed by the services, plus {@code bench suite}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: suite, recommend, search, analytics, ingest, session, gateway.",
        subcommands = SuiteBenchCommand.class)
public final class BenchCommand implements Runnable {

    /** Subcommand name → class, looked up at run time. */
    public static final Map<String, String> CONTRIBUTED = contributions();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static Map<String, String> contributions() {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("recommend", "dev.aisle.recommend.evaluation.RecommendBenchCommand");
        classes.put("search", "dev.aisle.search.evaluation.SearchBenchCommand");
        classes.put("analytics", "dev.aisle.behavior.analytics.AnalyticsBenchCommand");
        classes.put("ingest", "dev.aisle.behavior.event.IngestBenchCommand");
        classes.put("session", "dev.aisle.behavior.prediction.model.eval.SessionBenchCommand");
        classes.put("gateway", "dev.aisle.gateway.bench.GatewayBenchCommand");
        return classes;
    }

    /** Registers the contributed subcommands on the {@code bench} command line. */
    public static void registerContributions(CommandLine bench) {
        ContributedCommands.register(bench, CONTRIBUTED);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
