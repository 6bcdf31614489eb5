package com.acme.shop.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception that leaves a resource becomes problem+json here, one mapper per family. Messages of
 * unexpected exceptions never reach the client: they are logged with the request id instead.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(Problems.of(e.status(), e.code(), e.title(), e.detail(), e.errors(), RequestIds.of(request)));
        if (e instanceof RateLimitedException limited) {
            builder.header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return Problems.response(Problems.of(400, "validation_failed", "Validation failed",
                "The request is not valid", errors, RequestIds.of(request)));
    }

    /** Details of a body that is not one JSON document (StrictJson's FAIL_ON_TRAILING_TOKENS). */
    static final String NOT_WELL_FORMED = "The body is not well-formed JSON";
    static final String TRAILING_CONTENT = "The body has content after its JSON document";
    static final String WRONG_SHAPE = "The body does not have the expected shape";

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, HttpServerRequest request) {
        return Problems.response(Problems.of(400, "validation_failed", "Validation failed",
                NOT_WELL_FORMED, null, RequestIds.of(request)));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpServerRequest request) {
        return mismatched(e, request);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return mismatched(e, request);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpServerRequest request) {
        return mismatched(e, request);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, HttpServerRequest request) {
        return Problems.response(Problems.of(400, "validation_failed", "Validation failed",
                "The body could not be read as JSON", null, RequestIds.of(request)));
    }

    private Response mismatched(JsonMappingException e, HttpServerRequest request) {
        // Jackson wraps what the body's stream threw while a field was read (BodyLimitReader's 413) as a mapping
        // problem of that field: answer the original.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                return api(refused, request);
            }
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return Problems.response(Problems.of(400, "validation_failed", "Validation failed",
                    TRAILING_CONTENT, null, RequestIds.of(request)));
        }
        String field = jsonPath(e.getPath());
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + enumValues(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "has the wrong type (expected " + describe(mismatched.getTargetType()) + ")";
        } else {
            message = "is not valid";
        }
        List<FieldError> errors = field.isEmpty() ? null : List.of(new FieldError(field, message));
        String detail = field.isEmpty() ? WRONG_SHAPE : "Field '" + field + "' " + message;
        return Problems.response(Problems.of(400, "validation_failed", "Validation failed", detail, errors,
                RequestIds.of(request)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(Problems.of(403, "forbidden", "Forbidden",
                "You are not allowed to do this", null, RequestIds.of(request)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof ApiException refused) {
            return api(refused, request); // a query parameter that QueryParams could not convert
        }
        // Quarkus REST's Jackson reader wraps what the parser refuses (not JSON, content after the document) in a
        // 400 WebApplicationException: answer it as the JSON problem it is.
        if (e.getCause() instanceof JsonParseException parse) {
            return jsonParse(parse, request);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mismatched(mapping, request);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return jsonProcessing(processing, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 415 -> "Unsupported content type";
            case 406 -> "Cannot produce an acceptable representation";
            case 400 -> "The request is not valid";
            default -> null;
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problems.forStatus(status, detail, RequestIds.of(request)));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = RequestIds.of(request);
        if (DatabaseOutages.isOutage(e)) {
            // The work's transaction rolled back (or, if the connection broke during its commit, may have committed):
            // either way a retry is safe, checkout's through its Idempotency-Key.
            LOG.warnf("Database unreachable [requestId=%s] %s %s: %s", requestId, request.method(), request.path(),
                    e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER,
                    DatabaseOutages.RETRY_AFTER_SECONDS).entity(Problems.of(503, "service_unavailable",
                    "Service unavailable", "The service cannot reach its database; retry shortly", null, requestId))
                    .build();
        }
        // Input that no rule above caught but PostgreSQL refused (a NUL byte in a string, a number out of a
        // column's range, a CHECK or unique key): the transaction rolled back, nothing changed; it is the
        // client's data, not our failure.
        String sqlState = sqlState(e);
        if (sqlState != null && sqlState.startsWith("22")) {
            return Problems.response(Problems.of(400, "validation_failed", "Validation failed",
                    "The request holds a value that cannot be stored (for example a NUL character)", null, requestId));
        }
        if ("23514".equals(sqlState)) {
            return Problems.response(Problems.of(400, "validation_failed", "Validation failed",
                    "The request breaks a rule of the data", null, requestId));
        }
        if ("23505".equals(sqlState)) {
            return Problems.response(Problems.of(409, "conflict", "Conflict",
                    "Something with the same identity already exists", null, requestId));
        }
        LOG.errorf(e, "Unhandled error [requestId=%s] %s %s", requestId, request.method(), request.path());
        return Problems.response(Problems.of(500, "internal_error", "Internal server error",
                "Something went wrong on our side; quote the request id when reporting it", null, requestId));
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Response unauthorized(HttpServerRequest request) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problems.of(401, "unauthorized", "Unauthorized",
                        "A valid bearer token is required", null, RequestIds.of(request)))
                .build();
    }

    /** {@code register.request.shippingAddress.country} -> {@code shippingAddress.country}. */
    static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        Iterator<Path.Node> nodes = path.iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() > 0 ? out.toString() : (parameter == null ? "body" : parameter);
    }

    /** Jackson's path to a bad value -> {@code items[0].quantity}. */
    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String enumValues(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
