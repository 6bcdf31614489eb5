package com.acme.shop.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of a run's own, for the {@code *IT} classes that start the packaged jar themselves: a new
 * database (dropped first if it exists) on the server named by {@code QUARKUS_DATASOURCE_JDBC_URL}, or, when that is
 * unset, an embedded PostgreSQL (so {@code ./mvnw verify} needs no server). The environment variable
 * {@code nameVariable} names the database on the server, so that runs side by side do not drop each other's
 * (environment variables: the forked test JVM does not see -D properties).
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String server;
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean dropOnClose;

    private TestDatabase(EmbeddedPostgres embedded, String server, String name, String jdbcUrl, String user,
            String password, boolean dropOnClose) {
        this.embedded = embedded;
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dropOnClose = dropOnClose;
    }

    /**
     * A fresh database: on the configured server, named by the environment variable {@code nameVariable} (else
     * {@code fallbackName}), dropped by {@link #close} when {@code dropOnClose}; or an embedded server, which
     * {@link #close} stops.
     */
    public static TestDatabase create(String nameVariable, String fallbackName, boolean dropOnClose) throws Exception {
        String server = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (server == null || server.isBlank()) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").start();
            return new TestDatabase(postgres, null, "postgres", postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                    "", false);
        }
        String name = setting(nameVariable, fallbackName);
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(nameVariable + " must be a plain lower-case name: " + name);
        }
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(null, server, name, server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user,
                password, dropOnClose);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new connection to the database (autocommit); the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Stops the embedded server, or drops the database when asked to (its connections are ended). */
    @Override
    public void close() throws SQLException, IOException {
        if (embedded != null) {
            embedded.close();
        } else if (dropOnClose) {
            try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** An environment variable, or the default when it is unset or blank. */
    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
