package dev.aisle.cli.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resident memory of the PostgreSQL server listening on a port: the postmaster and its backends, found in
 * {@code /proc}. Shared buffers appear in the RSS of every process that touched them, so the sum overstates.
 */
final class PostgresMemory {

    private PostgresMemory() {}

    /** Sum of VmRSS (KiB) of the postmaster serving {@code port} and its child processes; -1 if not found. */
    static long residentKib(int port) {
        if (port < 0 || !Files.isDirectory(Path.of("/proc"))) {
            return -1;
        }
        Map<Long, Long> parents = new HashMap<>();
        Set<Long> postmasters = new HashSet<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String stat = read(entry.resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (close < 0) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                parents.put(pid, Long.parseLong(fields[1]));
                String command = read(entry.resolve("cmdline")).replace('\0', ' ');
                if (command.contains("postgres") && command.contains("-p " + port)) {
                    postmasters.add(pid);
                }
            }
        } catch (IOException | RuntimeException ex) {
            return -1;
        }
        if (postmasters.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (Map.Entry<Long, Long> process : parents.entrySet()) {
            if (postmasters.contains(process.getKey()) || postmasters.contains(process.getValue())) {
                total += Math.max(0, rss(Path.of("/proc", Long.toString(process.getKey()))));
            }
        }
        return total;
    }

    private static long rss(Path process) {
        for (String line : read(process.resolve("status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            return "";
        }
    }
}
