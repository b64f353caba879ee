package dev.aisle.support.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts (or joins) a real PostgreSQL from Maven-shipped binaries, once per JVM.
 *
 * <p>Persistent mode keeps its data directory (default {@code ~/.aisle/pg}) so a restart keeps the data; when the
 * port already answers, another process (the demo launcher or another service) owns the server and this JVM only
 * connects. Temporary mode starts a fresh server in a temporary directory on a free port, for tests.
 */
public final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private static String persistentUrl;

    private static String temporaryUrl;

    private EmbeddedPostgresLauncher() {}

    /**
     * Returns the JDBC URL of the persistent embedded server, starting it if nothing listens on {@code port}.
     *
     * @param port the TCP port of the server
     * @param dataDirectory where the cluster lives; created on first start
     */
    public static synchronized String persistent(int port, Path dataDirectory) {
        if (persistentUrl == null) {
            if (!listening(port)) {
                start(port, dataDirectory);
            } else {
                log.info("Using the PostgreSQL already listening on port {}", port);
            }
            persistentUrl = jdbcUrl(port);
        }
        return persistentUrl;
    }

    /** Returns the JDBC URL of a fresh throw-away server shared by everything in this JVM. */
    public static synchronized String temporary() {
        if (temporaryUrl == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                temporaryUrl = jdbcUrl(pg.getPort());
                log.info("Started temporary embedded PostgreSQL on port {}", pg.getPort());
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
            }
        }
        return temporaryUrl;
    }

    /**
     * Starts a persistent server that outlives nothing but this JVM; used by the demo launcher, which owns the
     * server for the whole suite.
     */
    public static EmbeddedPostgres start(int port, Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            log.info("Starting embedded PostgreSQL on port {} with data in {}", port, dataDirectory);
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky defaults to fsync=off and synchronous_commit=off (fine for tests); the persistent
                    // server holds real data and must not acknowledge what a crash can lose
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // ingest writes ~1.7 kB of WAL per event: the default 4 MB of WAL buffers (1/32 of the 128 MB
                    // shared buffers) filled thousands of times per 300k events, so backends wrote WAL themselves;
                    // a larger cache and checkpoint spacing cut the database CPU per event, durability unchanged
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("wal_buffers", "64MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
        }
    }

    /** JDBC URL of the {@code postgres} database of a local server. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
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
