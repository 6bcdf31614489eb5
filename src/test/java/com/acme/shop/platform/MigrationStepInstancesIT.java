package com.acme.shop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.PackagedApp;
import com.acme.shop.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations as a deploy step, as the README's "Containers and deployment" describes it for the leanest cold
 * start: the image run once with {@code QUARKUS_INIT_AND_EXIT=true} migrates the database and exits 0, and the
 * instances then started with {@code QUARKUS_FLYWAY_ACTIVE=false} (no Flyway at all at their start) serve from that
 * schema. The database: a fresh one on the server of {@code QUARKUS_DATASOURCE_JDBC_URL}, named by
 * {@code MIGRATION_STEP_DATABASE} (default {@code shop_migration_step}) and dropped at the end, or an embedded
 * PostgreSQL. The logs: {@code target/migration-step/*.log}.
 */
class MigrationStepInstancesIT {

    private static final Path LOGS = Path.of("target/migration-step").toAbsolutePath();
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Test
    void aMigrationRunMigratesAndExitsThenAnInstanceWithoutFlywayServes() throws Exception {
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (TestDatabase database = TestDatabase.create("MIGRATION_STEP_DATABASE", "shop_migration_step", true)) {
            Map<String, String> step = PackagedApp.environment(database, PackagedApp.freePort());
            step.put("QUARKUS_INIT_AND_EXIT", "true");
            step.put("QUARKUS_FLYWAY_ACTIVE", "true");
            PackagedApp migration = PackagedApp.start(JVM, step, LOGS.resolve("migration.log"));
            assertEquals(0, migration.awaitExit(Duration.ofMinutes(2)), () -> "the migration run failed; see "
                    + migration.log());
            try (Connection c = database.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertEquals(migrations, rs.getLong(1), "every migration applied by the migration run");
            }

            Map<String, String> env = PackagedApp.environment(database, PackagedApp.freePort());
            env.put("QUARKUS_FLYWAY_ACTIVE", "false");
            env.put("QUARKUS_MAILER_MOCK", "true");
            env.put("ADMIN_EMAIL", "admin@migration-step.test");
            env.put("ADMIN_PASSWORD", "migration-step-password");
            PackagedApp instance = PackagedApp.start(JVM, env, LOGS.resolve("instance.log"));
            try {
                instance.awaitReady(Duration.ofSeconds(75));
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> products = http.send(HttpRequest.newBuilder(
                        URI.create(instance.baseUrl() + "/api/v1/products")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, products.statusCode(), products::body);
                HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                                URI.create(instance.baseUrl() + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"admin@migration-step.test\",\"password\":\"migration-step-password\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, login.statusCode(), login::body);
            } finally {
                instance.close();
            }
        }
    }
}
