package com.acme.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShopifyCsvImportTest {

    /** Columns in another order than Shopify's, a subset of them, and one the shop does not know. */
    static final String HEADER = "Title,Handle,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
            + "Variant Inventory Qty,Image Src,Warehouse Bin\n";

    Api.Session admin;
    String tag;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    /** The sample export (src/test/resources/catalog/shopify-products.csv) with this test's own handles and skus. */
    private String sample() {
        try (InputStream in = getClass().getResourceAsStream("/catalog/shopify-products.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{tag}", tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response upload(String csv, boolean dryRun) {
        return given().auth().oauth2(admin.accessToken()).contentType("text/csv; charset=utf-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", dryRun)
                .post("/api/v1/admin/products/import");
    }

    private Response find(String q) {
        return admin.as().queryParam("q", q).get("/api/v1/admin/products");
    }

    @Test
    void aShopifyExportBecomesProductsWithOptionsVariantsAndImages() {
        upload(sample(), false).then().statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("dryRun", equalTo(false));
        String cdn = "https://cdn.shopify.com/s/files/1/0000/0001/products/";
        String white = cdn + "tee-white.jpg?v=1700000000";
        find("TEE-" + tag).then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].slug", equalTo("classic-tee-" + tag))
                .body("items[0].name", equalTo("Classic Tee"))
                .body("items[0].description", equalTo("Our Classic Tee \u2013 soft, breathable & made to last.\n"
                        + "100% organic cotton (180 g/m\u00B2)\n"
                        + "Fits \"true to size\" \u2014 we\u2019re sure\n"
                        + "Wash at 30\u00B0C.\n"
                        + "Designed in Z\u00FCrich \u2764"))
                .body("items[0].active", equalTo(true))
                .body("items[0].sku", equalTo("TEE-" + tag + "-S-BLA"))
                .body("items[0].priceCents", equalTo(1950))
                .body("items[0].stock", equalTo(3 + 6 + 9 + 12 + 15 + 18))
                .body("items[0].options", equalTo(List.of(Map.of("name", "Size", "values", List.of("S", "M", "L")),
                        Map.of("name", "Color", "values", List.of("Black", "White")))))
                .body("items[0].variants.sku", contains("TEE-" + tag + "-S-BLA", "TEE-" + tag + "-S-WHI",
                        "TEE-" + tag + "-M-BLA", "TEE-" + tag + "-M-WHI", "TEE-" + tag + "-L-BLA", "TEE-" + tag + "-L-WHI"))
                .body("items[0].variants.priceCents", contains(1999, 1950, 2099, 1950, 2199, 1950))
                .body("items[0].variants.stock", contains(3, 6, 9, 12, 15, 18))
                .body("items[0].variants[3].options", equalTo(Map.of("Size", "M", "Color", "White")))
                .body("items[0].variants.imageUrl", contains(null, white, null, white, null, white))
                .body("items[0].images.url", contains(cdn + "tee-black.jpg?v=1700000000", white,
                        cdn + "tee-detail.jpg?v=1700000000"))
                .body("items[0].images.alt", contains("Classic Tee in black", "Classic Tee in white", "Stitching detail"))
                .body("items[0].imageUrl", equalTo(cdn + "tee-black.jpg?v=1700000000"));
        // Shopify's "Title: Default Title" is a product without options; no inventory quantity is no stock
        find("GIFT-" + tag).then().body("items[0].slug", equalTo("gift-card-" + tag))
                .body("items[0].description", equalTo("The perfect gift \u2026 for anyone."))
                .body("items[0].options", equalTo(List.of()))
                .body("items[0].variants.size()", equalTo(1))
                .body("items[0].variants[0].options", equalTo(Map.of()))
                .body("items[0].priceCents", equalTo(2500)).body("items[0].stock", equalTo(0))
                .body("items[0].images[0].alt", nullValue());
        // a draft is an inactive product; a body over several lines of the file is one paragraph of text
        find("MUG-" + tag).then().body("items[0].name", equalTo("Enamel Mug, \"Camp\" edition"))
                .body("items[0].active", equalTo(false))
                .body("items[0].description", equalTo("Holds 350 ml. Not for the microwave!"))
                .body("items[0].options[0].values", contains("Blue", "Cream"))
                .body("items[0].priceCents", equalTo(1200)).body("items[0].stock", equalTo(4))
                .body("items[0].images", equalTo(List.of())).body("items[0].imageUrl", nullValue());
        // the storefront sells the variants by their handle
        given().get("/api/v1/products/classic-tee-" + tag).then().statusCode(200).body("variants.size()", equalTo(6));
        // and the storefront's filters find them by their options (the filter tokens, V18, kept by the database)
        given().queryParam("q", "Classic Tee").queryParam("option.Size", "S").queryParam("option.Color", "White")
                .queryParam("facets", true).queryParam("size", 100).get("/api/v1/products")
                .then().statusCode(200).body("items.slug", hasItem("classic-tee-" + tag))
                .body("facets.options.find { it.name == 'Size' }.values.value", contains("S"))
                .body("facets.options.find { it.name == 'Color' }.values.value", contains("White"));
    }

    @Test
    void aDryRunCountsTheProductsAndWritesNothing() {
        upload(sample(), true).then().statusCode(200).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("dryRun", equalTo(true));
        find("TEE-" + tag).then().body("totalItems", equalTo(0));
        find("GIFT-" + tag).then().body("totalItems", equalTo(0));
        upload(sample(), false).then().statusCode(200).body("created", equalTo(3));
    }

    @Test
    void everyBadRowIsReportedAtItsLineAndNothingIsWritten() {
        given().auth().oauth2(admin.accessToken()).contentType("text/csv")
                .body("sku,name,slug,description,price,stock,active,image_url\n"
                        + "HELD-" + tag + ",Held,held-" + tag + ",,1,1,true,\n")
                .post("/api/v1/admin/products/import").then().statusCode(200);
        String csv = HEADER
                + "Fine,ok-" + tag + ",Size,S,OK-" + tag + "-S,1.00,1,,x\n"                        // 2
                + ",ok-" + tag + ",,M,OK-" + tag + "-M,12.345,1,,x\n"                               // 3: bad price
                + ",ok-" + tag + ",,L,OK-" + tag + "-L,-1,1,,x\n"                                   // 4: negative price
                + "\"Two\nlines\",two-" + tag + ",,,DUP-" + tag + ",1,1,,x\n"                       // 5-6
                + "Other,dup-" + tag + ",,,DUP-" + tag + ",1,1,,x\n"                                // 7: sku of line 5
                + "Combo,combo-" + tag + ",Size,S,C1-" + tag + ",1,1,,x\n"                          // 8
                + ",combo-" + tag + ",,S,C2-" + tag + ",1,1,,x\n"                                   // 9: combination of 8
                + ",combo-" + tag + ",,M,C1-" + tag + ",1,1,,x\n"                                   // 10: sku of line 8
                + ",two-" + tag + ",,,,,,https://img.example/two.jpg,x\n"                           // 11: not contiguous
                + "No handle,,,,NH-" + tag + ",1,1,,x\n"                                            // 12: no handle
                + "Taken sku,taken-" + tag + ",,,HELD-" + tag + ",1,1,,x\n"                         // 13: the catalog's sku
                + "Taken handle,held-" + tag + ",,,TH-" + tag + ",1,1,,x\n"                         // 14: the catalog's slug
                + "Negative,neg-" + tag + ",,,NEG-" + tag + ",1,-3,,x\n";                           // 15: negative stock
        List<String> expected = List.of(
                "3:Variant Price:must have at most two decimals",
                "4:Variant Price:must be 0 or more",
                "7:Variant SKU:duplicates the sku of line 5",
                "9:options:duplicates the combination of line 8",
                "10:Variant SKU:duplicates the sku of line 8",
                "11:Handle:comes back after other products (its rows start at line 5): a product's rows must be together",
                "12:Handle:must not be empty: it names the product the row belongs to",
                "13:Variant SKU:is taken by another product's variant",
                "14:Handle:already belongs to another product",
                "15:Variant Inventory Qty:must be 0 or more");
        upload(csv, false).then().statusCode(422).body("code", equalTo("bulk_validation_failed"))
                .body("errors.collect { it.line + ':' + it.field + ':' + it.message }", equalTo(expected));
        upload(csv, true).then().statusCode(422)
                .body("errors.collect { it.line + ':' + it.field + ':' + it.message }", equalTo(expected));
        find("OK-" + tag).then().body("totalItems", equalTo(0));
        find("NEG-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void anEmptyVariantSkuIsMadeFromTheHandleAndTheVariantsValues() {
        String up = tag.toUpperCase(java.util.Locale.ROOT);
        String csv = HEADER
                + "Plain,plain-" + tag + ",Title,Default Title,,5.00,2,,x\n"                       // 2: no options
                + "Shirt,shirt-" + tag + ",Size,S,,10,1,,x\n"                                      // 3
                + ",shirt-" + tag + ",,XL / Tall,,10,1,,x\n"                                       // 4
                + ",shirt-" + tag + ",,\u8D64,,10,1,,x\n"                                         // 5: no ASCII
                + ",shirt-" + tag + ",,xl tall,,10,1,,x\n"                                         // 6: as line 4's
                + ",shirt-" + tag + ",,M,GIVEN-" + tag + ",10,1,,x\n";                             // 7: its own
        upload(csv, false).then().statusCode(200).body("created", equalTo(2));
        find("PLAIN-" + up).then().body("totalItems", equalTo(1)).body("items[0].sku", equalTo("PLAIN-" + up))
                .body("items[0].variants.sku", contains("PLAIN-" + up));
        find("SHIRT-" + up).then().body("totalItems", equalTo(1)).body("items[0].variants.sku", contains(
                "SHIRT-" + up + "-S", "SHIRT-" + up + "-XL-TALL", "SHIRT-" + up + "-3", "SHIRT-" + up + "-4",
                "GIVEN-" + tag));
    }

    @Test
    void aMadeSkuThatClashesSaysItWasMade() {
        String up = tag.toUpperCase(java.util.Locale.ROOT);
        given().auth().oauth2(admin.accessToken()).contentType("text/csv")
                .body("sku,name,slug,description,price,stock,active,image_url\n"
                        + "CLASH-" + up + ",Held,held-" + tag + ",,1,1,true,\n")
                .post("/api/v1/admin/products/import").then().statusCode(200);
        String csv = HEADER
                + "Clash,clash-" + tag + ",,,,1,1,,x\n"                                            // 2: the catalog's
                + "Twin,twin-" + tag + ",Size,Large,,1,1,,x\n"                                     // 3
                + "Twin large,twin-" + tag + "-large,,,,1,1,,x\n";                                  // 4: line 3's
        upload(csv, false).then().statusCode(422).body("errors.collect { it.line + ':' + it.field + ':' + it.message }",
                equalTo(List.of(
                        "2:Variant SKU:is empty, and the sku made from the handle, CLASH-" + up
                                + ", is taken by another product's variant",
                        "4:Variant SKU:is empty, and the sku made from the handle, TWIN-" + up
                                + "-LARGE, duplicates the sku of line 3")));
        find("TWIN-" + up).then().body("totalItems", equalTo(0));
    }

    @Test
    void aProductsOwnRulesAreReportedAtTheRowsTheyComeFrom() {
        String csv = HEADER
                + ",untitled-" + tag + ",,,U-" + tag + ",1,1,,x\n"                                  // 2: no title
                + "Bad handle,Bad_Handle-" + tag + ",,,BH-" + tag + ",1,1,,x\n"                     // 3
                + "Bad sku,bad-sku-" + tag + ",,,bad sku,1,1,,x\n"                                  // 4
                + "Bad image,bad-image-" + tag + ",,,BI-" + tag + ",1,1,ftp://img.example/a.jpg,x\n" // 5
                + "No value,no-value-" + tag + ",Size,S,NV1-" + tag + ",1,1,,x\n"                   // 6
                + ",no-value-" + tag + ",,,NV2-" + tag + ",1,1,,x\n"                                // 7: no Size
                + "Images only,images-only-" + tag + ",,,,,,https://img.example/a.jpg,x\n";         // 8: no variant
        upload(csv, false).then().statusCode(422)
                .body("errors.collect { it.line + ':' + it.field }", contains("2:Title", "3:Handle", "4:Variant SKU",
                        "5:Image Src", "7:Option1 Value", "8:Variant SKU"));
        find("NV1-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void aShopifyHeaderWithoutItsRequiredColumnsIsReportedAtLineOne() {
        upload("Handle,Title,Variant SKU\nh-" + tag + ",T,S-" + tag + "\n", false).then().statusCode(422)
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("header"))
                .body("errors[0].message", equalTo("a Shopify product export needs the columns Handle, Title, "
                        + "Variant SKU, Variant Price; missing: Variant Price"));
    }

    @Test
    void bytesThatAreNotUtf8AreA422NotAServerError() {
        byte[] good = (HEADER + "Good,good-" + tag + ",,,G-" + tag + ",1,1,,x\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
        bad[good.length] = (byte) 0xFF;
        bad[good.length + 1] = (byte) 0xFE;
        given().auth().oauth2(admin.accessToken()).contentType("text/csv").body(bad)
                .post("/api/v1/admin/products/import").then().statusCode(422).body("errors[0].line", equalTo(1));
        given().auth().oauth2(admin.accessToken()).contentType("text/csv")
                .body("sku,name,slug,description,price,stock,active,image_url\n\uFEFFX".getBytes(StandardCharsets.UTF_16))
                .post("/api/v1/admin/products/import").then().statusCode(422).body("errors[0].field", equalTo("header"));
        find("G-" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void aRepeatedColumnNameCountsOnceAndTheFirstIsRead() {
        upload("Handle,Title,Handle,Variant SKU,Variant Price\nrep-" + tag + ",Repeated,ignored,REP-" + tag + ",2\n", false)
                .then().statusCode(200).body("created", equalTo(1));
        find("REP-" + tag).then().body("items[0].slug", equalTo("rep-" + tag)).body("items[0].priceCents", equalTo(200));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsOrAnUnterminatedQuoteIsReportedAtItsLine() {
        upload(HEADER + "Short,short-" + tag + ",,,SH-" + tag + "\n", false).then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("record"));
        upload(HEADER + "Good,good-" + tag + ",,,G-" + tag + ",1,1,,x\n\"Broken,b-" + tag + ",,,B,1,1,,x\n", false)
                .then().statusCode(422).body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("record"));
    }
}
