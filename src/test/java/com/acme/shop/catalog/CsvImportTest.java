package com.acme.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

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
                .body("items[0].slug", matchesPattern("creme-brulee-large(-[0-9]+)?")) // -2... on a database that has it
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
    void aDryRunCountsCreatesAndUpdatesAndChangesNothing() {
        upload(HEADER + "E-" + tag + ",Existing,,,1.00,1,true,\n", false).then().statusCode(200);
        upload(HEADER + "E-" + tag + ",Renamed,,,9.00,9,false,\nN-" + tag + ",New,,,1,1,,\n", true).then()
                .statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1)).body("dryRun", equalTo(true));
        find("E-" + tag).then().body("items[0].name", equalTo("Existing")).body("items[0].priceCents", equalTo(100))
                .body("items[0].active", equalTo(true)).body("items[0].version", equalTo(0));
        find("N-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void repeatedSkusFarApartInALargeFileAreReportedWithTheLineThatFirstHadThem() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            csv.append("L-").append(tag).append('-').append(i).append(",Large ").append(i).append(",,,1,1,true,\n");
        }
        csv.append("L-").append(tag).append("-0,Again,,,1,1,true,\n");           // line 5002 repeats line 2
        csv.append("L-").append(tag).append("-4321,Again,,,2,1,true,\n");        // line 5003 repeats line 4323
        upload(csv.toString(), false).then().statusCode(422).body("code", equalTo("bulk_validation_failed"))
                .body("errors.collect { it.line + ':' + it.field + ':' + it.message }", contains(
                        "5002:sku:duplicates the sku of line 2", "5003:sku:duplicates the sku of line 4323"));
        find("L-" + tag + "-1").then().body("totalItems", equalTo(0));
    }

    @Test
    void oneBadLineAfterThousandsOfGoodOnesWritesNothing() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            csv.append("M-").append(tag).append('-').append(i).append(",Many ").append(i).append(",,,1,1,true,\n");
        }
        csv.append("M-").append(tag).append("-last,Last,,,1,1,maybe,\n");
        upload(csv.toString(), false).then().statusCode(422).body("errors[0].line", equalTo(3002))
                .body("errors[0].field", equalTo("active"));
        upload(csv.toString(), true).then().statusCode(422).body("errors[0].line", equalTo(3002));
        find("M-" + tag + "-1").then().body("totalItems", equalTo(0));
    }

    @Test
    void derivedSlugsSkipTheCatalogsAndTheFilesOwnSlugs() {
        upload(HEADER + "G0-" + tag + ",Gadget " + tag + ",,,1,1,true,\n", false).then().statusCode(200);
        String base = "gadget-" + tag;
        String csv = HEADER
                + "G1-" + tag + ",Gadget " + tag + ",,,1,1,true,\n"          // base taken by G0: base-2
                + "G2-" + tag + ",Gadget " + tag + " 2,,,1,1,true,\n"        // its own base is G1's slug: base-2-2
                + "G3-" + tag + ",Gadget " + tag + ",,,1,1,true,\n"          // base-3 is G4's: base-4
                + "G4-" + tag + ",Explicit," + base + "-3,,1,1,true,\n"
                + "G0-" + tag + ",Gadget renamed,,,1,1,true,\n";             // an update keeps its slug
        upload(csv, false).then().statusCode(200).body("created", equalTo(4)).body("updated", equalTo(1));
        find("G0-" + tag).then().body("items[0].slug", equalTo(base)).body("items[0].name", equalTo("Gadget renamed"));
        find("G1-" + tag).then().body("items[0].slug", equalTo(base + "-2"));
        find("G2-" + tag).then().body("items[0].slug", equalTo(base + "-2-2"));
        find("G3-" + tag).then().body("items[0].slug", equalTo(base + "-4"));
        find("G4-" + tag).then().body("items[0].slug", equalTo(base + "-3"));
    }

    @Test
    void explicitSlugsThatBelongToAnotherProductAreReportedAtTheirLine() {
        upload(HEADER + "H0-" + tag + ",Holder,held-" + tag + ",,1,1,true,\n", false).then().statusCode(200);
        String csv = HEADER
                + "H1-" + tag + ",Taker,held-" + tag + ",,1,1,true,\n"       // line 2: the catalog's H0 has it
                + "H2-" + tag + ",First,twice-" + tag + ",,1,1,true,\n"      // line 3
                + "H3-" + tag + ",Second,twice-" + tag + ",,1,1,true,\n"     // line 4: line 3 gave it to H2
                + "H0-" + tag + ",Holder,held-" + tag + ",,2,1,true,\n";     // line 5: its own slug
        upload(csv, false).then().statusCode(422).body("errors.collect { it.line + ':' + it.field + ':' + it.message }",
                contains("2:slug:already belongs to another product", "4:slug:already belongs to another product"));
        find("H2-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void aNulCharacterIsABadFieldNotAServerError() {
        upload(HEADER + "NUL-" + tag + ",Bad" + (char) 0 + "name,,,1,1,true,\n", false).then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("name"));
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
