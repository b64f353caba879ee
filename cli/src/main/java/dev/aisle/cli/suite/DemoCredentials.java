package dev.aisle.cli.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * The demo's storefront API key and admin password: taken from {@code AISLE_DEMO_API_KEY} and
 * {@code AISLE_ADMIN_PASSWORD} when set, else generated once and kept in {@code demo-credentials.properties} in the
 * Aisle home so every demo run uses the same ones.
 *
 * <p>These are secrets, so they come from {@link SecureRandom}, deliberately not from a seeded source.
 *
 * @param apiKey the storefront key (header {@code X-API-Key})
 * @param adminPassword the password of user {@code admin}
 */
public record DemoCredentials(String apiKey, String adminPassword) {

    /** File name inside the Aisle home. */
    public static final String FILE = "demo-credentials.properties";

    /** Loads, or generates and saves, the credentials for the given environment and home. */
    public static DemoCredentials resolve(Map<String, String> env, Path home) {
        Path file = home.resolve(FILE);
        Properties saved = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                saved.load(in);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        SecureRandom random = new SecureRandom();
        boolean changed = false;
        String key = env.get("AISLE_DEMO_API_KEY");
        if (key == null || key.isBlank()) {
            key = saved.getProperty("apiKey");
            if (key == null) {
                key = "demo-" + token(random, 16);
                saved.setProperty("apiKey", key);
                changed = true;
            }
        }
        String password = env.get("AISLE_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            password = saved.getProperty("adminPassword");
            if (password == null) {
                password = token(random, 12);
                saved.setProperty("adminPassword", password);
                changed = true;
            }
        }
        if (changed) {
            save(saved, file);
        }
        return new DemoCredentials(key, password);
    }

    private static String token(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static void save(Properties properties, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Aisle demo credentials (generated once; delete to regenerate)");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ex) {
                // not a POSIX file system: the file keeps the default permissions
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
