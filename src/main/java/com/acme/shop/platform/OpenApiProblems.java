package com.acme.shop.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Describes the error side of every operation, so a generated client knows every answer: each 4xx/5xx
 * response carries the Problem schema as application/problem+json; operations that take input document 400,
 * secured ones 401 and 403, and all of them 500 and 503 (the database unreachable).
 * <p>
 * It runs when the application is built, so the document stored in the jar (and in target/openapi) is already the
 * served one, and no filter of ours runs at start. (A filter named by {@code mp.openapi.filter} runs at every start.
 * Quarkus 3.33.2 still prepares the document at start, about 0.6 s; once Quarkus carries quarkusio/quarkus#55538, a
 * service without start-up filters prepares it on its first request instead.)
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiProblems implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Every operation needs the database; while it cannot be reached the answer is this, never a 500. */
    public static final String UNAVAILABLE = "service_unavailable: the database cannot be reached (a restart or "
            + "failover); retry after Retry-After seconds";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                describeErrors(entry.getValue(), item);
            }
        }
    }

    private static void describeErrors(Operation operation, PathItem item) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (takesInput) {
            addIfMissing(responses, "400", "validation_failed: the input is malformed or breaks a rule; `errors` names each field");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(responses, "401", "unauthorized: no valid bearer token");
            addIfMissing(responses, "403", "forbidden: the token's role may not do this");
        }
        addIfMissing(responses, "500", "internal_error: an unexpected failure, logged with the request id");
        addIfMissing(responses, "503", UNAVAILABLE);
        if (responses.getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (isError(entry.getKey())) {
                entry.getValue().setContent(problemContent());
            }
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status", "code"))
                .addProperty("type", string("A URI reference naming the problem type"))
                .addProperty("title", string("A short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("What went wrong in this case").type(
                        List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL)))
                .addProperty("code", string("Stable snake_case error code, e.g. validation_failed, not_found, rate_limited"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("requestId", string("Correlates this answer with the service's logs"));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .required(List.of("field", "message"))
                .addProperty("field", string("Dotted path of the offending field, e.g. shippingAddress.country"))
                .addProperty("message", string("What is wrong with it"))
                .addProperty("index", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("0-based item index in bulk calls"))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int64").description("Physical line in CSV imports (the header is line 1)"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
