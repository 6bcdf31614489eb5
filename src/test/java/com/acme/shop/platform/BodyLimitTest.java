package com.acme.shop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Body limits per route: 1 MB by default, more for the bulk routes and the CSV import; over it, 413 problem+json. */
@QuarkusTest
class BodyLimitTest {

    private static byte[] jsonOfSize(int bytes) {
        StringBuilder body = new StringBuilder("{\"email\":\"a@b.co\",\"password\":\"");
        body.append("x".repeat(bytes - body.length() - 2)).append("\"}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTwoMegabyteBodyOnAnOrdinaryRouteIs413() {
        given().contentType("application/json").body(jsonOfSize(2 * 1024 * 1024)).post("/api/v1/auth/login").then()
                .statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("payload_too_large")).body("status", equalTo(413))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aClientWaitingForContinueGetsThe413Too() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(10)).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                                + io.restassured.RestAssured.port + "/api/v1/auth/login"))
                        .timeout(java.time.Duration.ofSeconds(30)).expectContinue(true).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(2 * 1024 * 1024))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("payload_too_large"), response.body());
    }

    @Test
    void aTwoMegabyteBodySentWithoutALengthIsCountedAndRefusedToo() {
        // An InputStream body of unknown length goes out chunked: no Content-Length to refuse it by.
        given().contentType("application/json").body(new ByteArrayInputStream(jsonOfSize(2 * 1024 * 1024)))
                .post("/api/v1/auth/login").then()
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("payload_too_large"));
    }

    @Test
    void aBodyJustUnderTheDefaultLimitIsRead() {
        given().contentType("application/json").body(jsonOfSize(1024 * 1024 - 10)).post("/api/v1/auth/login").then()
                .statusCode(400).body("code", equalTo("validation_failed")); // the password is too long, not the body
    }

    @Test
    void aLargeCsvImportIsStillAccepted() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("sku,name,slug,description,price,stock,active,image_url\n");
        String description = "A sturdy thing for everyday use, made to last. ".repeat(3);
        for (int i = 0; csv.length() < 5 * 1024 * 1024; i++) {
            csv.append("BIG-").append(tag).append('-').append(i).append(",Big import item ").append(i)
                    .append(",,\"").append(description).append("\",1.00,1,true,\n");
        }
        given().auth().oauth2(Api.admin().accessToken()).contentType("text/csv; charset=utf-8")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .post("/api/v1/admin/products/import").then().statusCode(200).body("dryRun", equalTo(true));
    }

    @Test
    void tenThousandProductsStillFitTheBulkRoute() {
        // 10,000 items with 500-character descriptions (about 6.5 MB); one bad item makes it a 422 that writes
        // nothing, which proves the whole body was read.
        StringBuilder body = new StringBuilder("[");
        String description = "d".repeat(500);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sku\":\"FIT-").append(tag).append('-').append(i)
                    .append("\",\"name\":\"Bulk fit ").append(i).append("\",\"description\":\"").append(description)
                    .append("\",\"priceCents\":").append(i == 9_999 ? -1 : 100).append(",\"stock\":1}");
        }
        body.append(']');
        Api.admin().as().body(body.toString()).post("/api/v1/admin/products/bulk").then().statusCode(422)
                .body("code", equalTo("bulk_validation_failed")).body("errors[0].index", equalTo(9_999));
    }
}
