package com.acme.shop.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a process of its own, in the prod
 * profile, for the {@code *IT} classes that start it themselves ({@code StorefrontE2EIT}, the two-instance tests).
 * Its output goes to a log file; {@link #close} stops it (SIGTERM, then SIGKILL after 20 s). The environment is
 * the caller's: {@link #environment} gives what every run needs (database, JWT keys, port).
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * What every run of the jar needs: the database, the test key pair for access tokens, the HTTP port. The
     * caller adds the rest (admin, mail, rate limits, ...).
     */
    public static Map<String, String> environment(TestDatabase database, int port) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/test-keys/public.pem").toAbsolutePath().toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", Path.of("src/test/resources/test-keys/private.pem").toAbsolutePath().toString());
        return env;
    }

    /**
     * Starts the jar with these JVM options and this environment (which must hold {@code QUARKUS_HTTP_PORT}), its
     * output to {@code log}; does not wait for it to be ready ({@link #awaitReady}), so several start at once.
     */
    public static PackagedApp start(List<String> jvmOptions, Map<String, String> env, Path log) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("package the app first (./mvnw verify does): " + JAR);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        // Not inheritIO: the forked test JVM's stdout is failsafe's channel.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        int port = Integer.parseInt(env.get("QUARKUS_HTTP_PORT"));
        Process process = builder.start();
        // Should the test JVM end without the caller's close (failsafe's timeout, Ctrl-C), the service ends with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }));
        return new PackagedApp(process, port, log);
    }

    /** Waits until {@code /q/health/ready} answers 200; fails at once should the process exit. */
    public PackagedApp awaitReady(Duration atMost) {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        Awaitility.await("the packaged service on port " + port + " to be ready (see " + log + ")")
                .atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return this;
    }

    /** For a run that ends by itself ({@code QUARKUS_INIT_AND_EXIT}): its exit code; fails if it runs past {@code atMost}. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the run did not end within " + atMost + "; see " + log);
        }
        return process.exitValue();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Stops the service: SIGTERM (it finishes what is in flight), SIGKILL if it is still there after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A port free now (another process may take it before the service binds it; rare on a test machine). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
