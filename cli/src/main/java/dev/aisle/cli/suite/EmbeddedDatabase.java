package dev.aisle.cli.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The suite's PostgreSQL for the demo: a persistent embedded server (data kept in {@code ~/.aisle/pg}) that the CLI
 * owns for the whole run, or whatever already answers on the port, which is then left alone.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Default port, as in service-support. */
    public static final int DEFAULT_PORT = 54320;

    private final int port;

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(int port, EmbeddedPostgres server) {
        this.port = port;
        this.server = server;
    }

    /** Starts a server on {@code port} with data in {@code dataDirectory}, or joins the one already listening. */
    public static EmbeddedDatabase startOrJoin(int port, Path dataDirectory, Path log) {
        if (listening(port)) {
            return new EmbeddedDatabase(port, null);
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.getParent());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky defaults to fsync=off and synchronous_commit=off (fine for tests); the persistent
                    // server holds real data and must not acknowledge what a crash can lose
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // the same cache and checkpoint spacing as EmbeddedPostgresLauncher.start (see there)
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("wal_buffers", "64MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new EmbeddedDatabase(port, server);
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
        }
    }

    /** Whether this run started the server (and so stops it). */
    public boolean owned() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops the server if this run started it. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** Whether something accepts TCP connections on the local port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException ex) {
            return false;
        }
    }
}
