package com.acme.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvImportTest {

    static final String HEADER = "sku,name,slug,description,price,stock,active,image_url\n";

    Api.Session admin;
    String tag;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private Response upload(String csv, boolean dryRun) {
        return given().auth().oauth2(admin.accessToken()).contentType("text/csv; charset=utf-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", dryRun)
                .post("/api/v1/admin/products/import");
    }

    private Response find(String sku) {
        return admin.as().queryParam("q", sku).get("/api/v1/admin/products");
    }

    @Test
    void quotesCommasNewlinesAndNonAsciiSurviveTheImport() {
        String csv = HEADER
                + "Q-" + tag + ",\"Crème \"\"Brûlée\"\", large\",,\"Line one\nline two, with comma\",12.34,5,true,https://img.example/q.jpg\n"
                + "Z-" + tag + ",Zürich Ümlaut 日本,,,0.1,0,,\n"
                + "W-" + tag + ",Whole,whole-" + tag + ",,5,1,false,\n";
        upload(csv, false).then().statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("dryRun", equalTo(false));
        find("Q-" + tag).then().body("items[0].name", equalTo("Crème \"Brûlée\", large"))
                .body("items[0].slug", equalTo("creme-brulee-large"))
                .body("items[0].description", equalTo("Line one\nline two, with comma"))
                .body("items[0].priceCents", equalTo(1234)).body("items[0].stock", equalTo(5))
                .body("items[0].imageUrl", equalTo("https://img.example/q.jpg"));
        find("Z-" + tag).then().body("items[0].name", equalTo("Zürich Ümlaut 日本"))
                .body("items[0].priceCents", equalTo(10)).body("items[0].active", equalTo(true))
                .body("items[0].description", equalTo(null));
        find("W-" + tag).then().body("items[0].priceCents", equalTo(500)).body("items[0].active", equalTo(false))
                .body("items[0].slug", equalTo("whole-" + tag));
    }

    @Test
    void importUpsertsBySkuAndKeepsExistingSlugs() {
        upload(HEADER + "U-" + tag + ",First Name,,,1.00,1,true,\n", false).then().statusCode(200)
                .body("created", equalTo(1));
        String slug = find("U-" + tag).path("items[0].slug");
        upload(HEADER + "U-" + tag + ",Second Name,,,2.50,9,true,\nV-" + tag + ",New,,,1,1,,\n", false)
                .then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1));
        find("U-" + tag).then().body("items[0].name", equalTo("Second Name")).body("items[0].slug", equalTo(slug))
                .body("items[0].priceCents", equalTo(250)).body("items[0].stock", equalTo(9))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void dryRunChecksButWritesNothing() {
        upload(HEADER + "D-" + tag + ",Dry,,,1.00,1,true,\n", true).then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(0)).body("dryRun", equalTo(true));
        find("D-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void everyBadLineIsReportedByPhysicalLineAndNothingIsWritten() {
        String csv = HEADER
                + "OK-" + tag + ",Fine,,,1.00,1,true,\n"                       // line 2
                + "P-" + tag + ",Too precise,,,12.345,1,true,\n"               // line 3
                + "S-" + tag + ",Negative stock,,\"spans\ntwo lines\",1,-2,true,\n" // lines 4-5
                + "A-" + tag + ",Bad active,,,1,1,yes,\n"                       // line 6
                + "OK-" + tag + ",Duplicate sku,,,1,1,true,\n"                  // line 7
                + ",No sku,,,abc,1,true,\n"                                      // line 8
                + "F-" + tag + ",Too few fields\n";                              // line 9
        upload(csv, false).then().statusCode(422).body("code", equalTo("bulk_validation_failed"))
                .body("errors.collect { it.line + ':' + it.field }", containsInAnyOrder(
                        "3:price", "4:stock", "6:active", "7:sku", "8:price", "8:sku", "9:record"));
        find("OK-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void aWrongHeaderIsReportedAtLineOne() {
        upload("sku,title,price\nX,Y,1\n", false).then().statusCode(422)
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("header"));
        upload("", false).then().statusCode(422).body("errors[0].line", equalTo(1));
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItsRecordStarts() {
        upload(HEADER + "G-" + tag + ",Good,,,1,1,true,\nB-" + tag + ",\"Broken,,,1,1,true,\n", false)
                .then().statusCode(422).body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("record"));
    }

    @Test
    void invalidDryRunIs400() {
        given().auth().oauth2(admin.accessToken()).contentType("text/csv").body(HEADER).queryParam("dryRun", "maybe")
                .post("/api/v1/admin/products/import").then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }
}
