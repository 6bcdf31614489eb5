package com.acme.shop.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL of the test's own (zonky embedded, on a port and data directory of its own) that the test can stop
 * and start again on the same port and data, as a restart or failover would: see {@link DatabaseOutageTest}.
 */
public class RestartableDatabase implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static Path dataDirectory;
    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(Path.of("target"));
            dataDirectory = Files.createTempDirectory(Path.of("target"), "outage-postgres-").toAbsolutePath();
            startDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                // while the database is down a request waits this long for a connection, then answers 503
                "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                "quarkus.datasource.jdbc.login-timeout", "1S");
    }

    /** The database goes away: a fast shutdown, which ends every open session (57P01). */
    public static synchronized void stopDatabase() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the database unless it runs. */
    public static synchronized void ensureRunning() {
        if (postgres == null) {
            startDatabase();
        }
    }

    /** The database comes back on the same port with the same data. */
    public static synchronized void startDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false).setServerConfig("fsync", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        stopDatabase();
        if (dataDirectory != null) {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // target/ is cleaned by the build anyway
            }
        }
    }
}
