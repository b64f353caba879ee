package dev.aisle.cli;

import dev.aisle.cli.extension.BenchCommand;
import dev.aisle.cli.extension.EvalCommand;
import dev.aisle.cli.importer.ImportCommand;
import dev.aisle.cli.simulate.SimulateCommand;
import dev.aisle.cli.suite.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aisle} command line. */
@Command(
        name = "aisle",
        mixinStandardHelpOptions = true,
        version = "aisle 0.1.0",
        description = "Aisle: recommendations, search and behaviour analytics for a web shop.",
        subcommands = {
            DemoCommand.class,
            SimulateCommand.class,
            ImportCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AisleCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, with the contributed eval and bench subcommands registered. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AisleCli());
        EvalCommand.registerContributions(cli.getSubcommands().get("eval"));
        BenchCommand.registerContributions(cli.getSubcommands().get("bench"));
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
