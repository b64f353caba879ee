package dev.aisle.cli.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Registers subcommands that other modules contribute, by class name, so the CLI compiles and runs whether or not
 * those classes exist in this build. A missing or broken one becomes a placeholder that says so.
 */
public final class ContributedCommands {

    private ContributedCommands() {}

    /**
     * Adds each class (name → fully qualified class name) as a subcommand of {@code parent}.
     *
     * @return the names that were not available
     */
    public static List<String> register(CommandLine parent, Map<String, String> classes) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> entry : classes.entrySet()) {
            String name = entry.getKey();
            String className = entry.getValue();
            Object command = instantiate(className);
            if (command == null) {
                missing.add(name);
                parent.addSubcommand(name, new CommandLine(new UnavailableCommand(name, className)));
            } else {
                CommandLine sub = new CommandLine(command);
                String declared = sub.getCommandName();
                parent.addSubcommand(name, sub);
                if (!declared.equals(name) && !declared.startsWith("<")) {
                    // the class's own @Command name still works as an alias
                    sub.getCommandSpec().aliases(declared);
                }
            }
        }
        return missing;
    }

    /** Creates the command, or returns {@code null} when the class is absent or cannot be instantiated. */
    static Object instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, ContributedCommands.class.getClassLoader());
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError ex) {
            return null;
        }
    }
}
