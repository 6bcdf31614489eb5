package com.acme.shop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.acme.shop.support.PackagedApp;
import com.acme.shop.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storefront and the dashboard in a real browser, against the packaged service: starts
 * {@code target/quarkus-app/quarkus-run.jar} in the prod profile on a PostgreSQL of its own (embedded, or a
 * fresh database on the server named by {@code QUARKUS_DATASOURCE_JDBC_URL}), then runs the Playwright
 * specs in {@code src/main/webui/e2e} with Debian's chromium. Stripe's API is a WireMock stub whose Checkout
 * page is a plain page of its own; the specs sign webhooks with the test-only secret, as Stripe signs them.
 * Mail goes over real SMTP to GreenMail; the specs read it (to follow the links in it) from a small JSON
 * mailbox this class serves ({@code GET /messages?to=address}). Screenshots go to {@code target/e2e/screenshots},
 * traces of failures to {@code target/e2e/results}, the service's log to {@code target/e2e/service.log}.
 * While working on one spec, {@code E2E_SPECS=e2e/journey} passes Playwright its file filters (space-separated), and
 * {@code E2E_DATABASE=shop_e2e_mine} names the database made on the server, so that runs side by side do not drop
 * each other's (environment variables: the forked test JVM does not see -D properties).
 */
class StorefrontE2EIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path WEBUI = Path.of("src/main/webui").toAbsolutePath();
    private static final String ADMIN_EMAIL = "admin@e2e.test";
    private static final String ADMIN_PASSWORD = "e2e-admin-password";
    private static final String STRIPE_WEBHOOK_SECRET = "whsec_e2e_test_only";

    private static TestDatabase database;
    private static PackagedApp service;
    private static WireMockServer stripe;
    private static GreenMail smtp;
    private static HttpServer mailbox;
    private static String baseUrl;
    private static String chromium;

    @BeforeAll
    static void startService() throws Exception {
        assertTrue(Files.exists(PackagedApp.JAR), "package the app first (./mvnw verify does): " + PackagedApp.JAR);
        chromium = Chromium.executable();
        Files.createDirectories(TARGET.resolve("e2e"));

        stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(true));
        stripe.start();
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"cs_test_{{formData request.body 'form' urlDecode=true}}{{form.client_reference_id}}\","
                        + "\"object\":\"checkout.session\","
                        + "\"url\":\"" + stripe.baseUrl() + "/c/pay/{{randomValue length=12 type='ALPHANUMERIC'}}\","
                        + "\"payment_status\":\"unpaid\",\"status\":\"open\"}")));
        stripe.stubFor(get(urlPathMatching("/c/pay/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><title>Stripe Checkout (test stub)</title><h1>Stripe test checkout</h1>")));

        smtp = new GreenMail(new ServerSetup(PackagedApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mailbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mailbox.createContext("/messages", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String to = query == null ? "" : java.net.URLDecoder.decode(query.replaceFirst("^to=", ""), StandardCharsets.UTF_8);
            byte[] body = new ObjectMapper().writeValueAsBytes(messagesTo(to));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        mailbox.start();

        database = TestDatabase.create("E2E_DATABASE", "shop_e2e", false);
        int port = PackagedApp.freePort();
        baseUrl = "http://localhost:" + port;
        Map<String, String> env = PackagedApp.environment(database, port);
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_MAILER_MOCK", "false");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED"); // GreenMail's plain SMTP; production requires STARTTLS
        env.put("SHOP_HTTP_SECURE_COOKIES", "auto");     // plain http://localhost; production cookies are always Secure
        env.put("SHOP_MAIL_POLL_INTERVAL", "1s");
        env.put("PUBLIC_BASE_URL", baseUrl);
        env.put("RATE_LIMIT_IP_PER_MINUTE", "100000");
        env.put("SHOP_BCRYPT_COST", "10");
        env.put("STRIPE_SECRET_KEY", "sk_test_e2e_stub");
        env.put("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
        env.put("STRIPE_API_BASE", stripe.baseUrl());
        service = PackagedApp.start(List.of("-Xmx512m"), env, TARGET.resolve("e2e/service.log"))
                .awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        if (stripe != null) {
            stripe.stop();
        }
        if (mailbox != null) {
            mailbox.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void shoppersAndAdminsInARealBrowser() throws Exception {
        // Not inheritIO: the forked test JVM's stdout is failsafe's channel. The report is copied out below.
        Path log = TARGET.resolve("e2e/playwright.log");
        List<String> command = new ArrayList<>(List.of("npx", "playwright", "test"));
        String specs = setting("E2E_SPECS", "");
        if (!specs.isEmpty()) {
            command.addAll(List.of(specs.trim().split("\\s+")));
        }
        ProcessBuilder playwright = new ProcessBuilder(command)
                .directory(WEBUI.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = playwright.environment();
        env.put("BASE_URL", baseUrl);
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("E2E_OUTPUT", TARGET.resolve("e2e").toString());
        env.put("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
        env.put("MAILBOX_URL", "http://127.0.0.1:" + mailbox.getAddress().getPort());
        env.put("CI", "true");
        env.put("CHROMIUM_PATH", chromium);
        Process run = playwright.start();
        boolean finished = run.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        System.out.println(Files.readString(log));
        assertTrue(finished, "Playwright did not finish in 10 minutes");
        assertEquals(0, run.exitValue(), "Playwright specs failed: see target/e2e/playwright.log and target/e2e/results");
    }

    /** The mails GreenMail received for one address, oldest first, as {subject, text}. */
    private static List<Map<String, String>> messagesTo(String address) {
        List<Map<String, String>> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null && java.util.Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address))) {
                    found.add(Map.of("subject", message.getSubject(), "text", plainText(message)));
                }
            } catch (Exception e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
        return found;
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** An environment variable, or the default when it is unset or blank. */
    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
