package dev.aisle.cli.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aisle eval}: offline evaluations contributed by the services. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Offline evaluation: recommend, search, session, purchase.")
public final class EvalCommand implements Runnable {

    /** Subcommand name → class, looked up at run time. */
    public static final Map<String, String> CONTRIBUTED = contributions();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static Map<String, String> contributions() {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("recommend", "dev.aisle.recommend.evaluation.RecommendEvalCommand");
        classes.put("search", "dev.aisle.search.evaluation.SearchEvalCommand");
        classes.put("session", "dev.aisle.behavior.prediction.model.eval.SessionEvalCommand");
        classes.put("purchase", "dev.aisle.behavior.prediction.model.eval.PurchaseEvalCommand");
        return classes;
    }

    /** Registers the contributed subcommands on the {@code eval} command line. */
    public static void registerContributions(CommandLine eval) {
        ContributedCommands.register(eval, CONTRIBUTED);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
