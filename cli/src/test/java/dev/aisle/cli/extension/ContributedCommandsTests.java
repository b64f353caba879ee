package dev.aisle.cli.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.cli.AisleCli;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ContributedCommandsTests {

    @Command(name = "probe")
    public static class ProbeCommand implements Runnable {

        @CommandLine.Option(names = "--k")
        int k;

        static int lastK;

        @Override
        public void run() {
            lastK = k;
        }
    }

    @Test
    void registersPresentClassesAndStandsInForMissingOnes() {
        CommandLine parent = new CommandLine(new EvalCommand());
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("probe", ProbeCommand.class.getName());
        classes.put("absent", "dev.aisle.nowhere.AbsentCommand");
        assertThat(ContributedCommands.register(parent, classes)).containsExactly("absent");
        assertThat(parent.execute("probe", "--k", "7")).isZero();
        assertThat(ProbeCommand.lastK).isEqualTo(7);
        assertThat(parent.execute("absent", "--data", "x:y")).isEqualTo(UnavailableCommand.NOT_AVAILABLE);
    }

    @Test
    void evalAndBenchListEveryContributedCommandAndTheSuiteBench() {
        CommandLine cli = AisleCli.commandLine();
        assertThat(cli.getSubcommands().get("eval").getSubcommands())
                .containsKeys("recommend", "search", "session");
        assertThat(cli.getSubcommands().get("bench").getSubcommands())
                .containsKeys("suite", "recommend", "search", "analytics", "ingest", "session", "gateway");
    }
}
