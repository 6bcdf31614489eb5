package com.acme.shop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One JSON document per body. The operations come from the served OpenAPI document, so an endpoint added later
 * is covered without editing this test.
 */
@QuarkusTest
class StrictJsonTest {

    private static final List<String> TRAILING_AFTER_OBJECT = List.of("{} x", "{}{}", "{\"a\":1} x", "{} {\"a\":1}");
    private static final List<String> TRAILING_AFTER_ARRAY = List.of("[] x", "[][]", "[{}] 1", "[{}]{}");

    record Operation(String method, String path, boolean admin, boolean array, List<String> requiredHeaders) {
    }

    @Test
    void everyJsonBodyWithContentAfterTheDocumentIs400() throws Exception {
        List<Operation> operations = jsonOperations();
        assertTrue(operations.size() >= 12, "the served spec lists the JSON operations: " + operations);
        assertTrue(operations.stream().anyMatch(o -> o.path().equals("/api/v1/admin/products/bulk") && o.array()),
                operations.toString());
        String admin = Api.admin().accessToken();
        String customer = Api.newCustomer().accessToken();
        String slug = slugOf(Catalog.create(Api.admin(), "Strict kettle", 900, 5));
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            String path = concrete(operation.path(), slug);
            List<String> bodies = new ArrayList<>(TRAILING_AFTER_OBJECT);
            if (operation.array()) {
                bodies.addAll(TRAILING_AFTER_ARRAY);
            }
            for (String body : bodies) {
                // Credentials the operation needs, so nothing is refused before its body is read.
                RequestSpecification request = given().contentType("application/json").accept("application/json")
                        .auth().oauth2(operation.admin() ? admin : customer).body(body);
                for (String header : operation.requiredHeaders()) {
                    request.header(header, UUID.randomUUID().toString());
                }
                var response = request.request(operation.method(), path);
                boolean problem = response.contentType().startsWith("application/problem+json");
                String code = problem ? response.jsonPath().getString("code") : null;
                String detail = problem ? response.jsonPath().getString("detail") : null;
                // The detail tells a refused document from `{}` failing the operation's own rules (also 400).
                // (An object where an array is expected is refused for its shape before anything follows it.)
                boolean refusedAsDocument = ProblemMappers.NOT_WELL_FORMED.equals(detail)
                        || ProblemMappers.TRAILING_CONTENT.equals(detail)
                        || (operation.array() && body.startsWith("{") && ProblemMappers.WRONG_SHAPE.equals(detail));
                if (response.statusCode() != 400 || !"validation_failed".equals(code) || !refusedAsDocument) {
                    wrong.add(operation.method() + " " + path + " " + body + " -> " + response.statusCode() + " " + code
                            + " " + detail);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aBulkArrayWithANullElementIsMalformed() throws Exception {
        Api.Session admin = Api.admin();
        String sku = Catalog.uniqueSku();
        Map<String, Object> fine = Catalog.product("Fine item", 100, 1);
        fine.put("sku", sku);
        String body = "[" + new ObjectMapper().writeValueAsString(fine) + ", null]";
        admin.as().body(body).post("/api/v1/admin/products/bulk").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("[1]"));
        admin.as().body("[null]").patch("/api/v1/admin/products/bulk").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        // nothing was written
        admin.as().queryParam("q", sku).get("/api/v1/admin/products").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void theProblemForTrailingContentIsTheSameAsForAnyMalformedJson() {
        Api.json().body("{\"email\":\"a@b.co\",\"password\":\"x\"} x").post("/api/v1/auth/login").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("status", equalTo(400)).body("detail", equalTo(ProblemMappers.NOT_WELL_FORMED));
        Api.json().body("{\"email\":\"a@b.co\",\"password\":\"x\"}{}").post("/api/v1/auth/login").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("detail", equalTo(ProblemMappers.TRAILING_CONTENT));
    }

    private static String slugOf(String productId) {
        return Api.admin().as().get("/api/v1/admin/products/" + productId).then().statusCode(200)
                .extract().path("slug");
    }

    private static List<Operation> jsonOperations() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> entry = methods.next();
                JsonNode op = entry.getValue();
                JsonNode json = op.path("requestBody").path("content").path("application/json");
                if (json.isMissingNode()) {
                    continue;
                }
                if (path.getKey().endsWith("/payments/stripe/webhook")) {
                    // Skipped: Stripe's webhook reads its raw body and checks the signature over it before any
                    // JSON is parsed; an unsigned body is refused as unsigned, whatever follows the document.
                    continue;
                }
                boolean admin = op.path("security").toString().contains("\"admin\"");
                boolean array = "array".equals(resolve(spec, json.path("schema")).path("type").asText());
                List<String> headers = new ArrayList<>();
                for (JsonNode parameter : op.path("parameters")) {
                    if ("header".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                        headers.add(parameter.path("name").asText());
                    }
                }
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), admin, array, headers));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return spec.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** Path parameters: an existing product's slug for {slug}, a random UUID for any id. */
    private static String concrete(String template, String slug) {
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String value = parameter.group(1).equals("slug") ? slug : UUID.randomUUID().toString();
            parameter.appendReplacement(out, value);
        }
        parameter.appendTail(out);
        return out.toString();
    }

}
