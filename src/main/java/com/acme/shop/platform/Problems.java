package com.acme.shop.platform;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json answers; shared by the JAX-RS mappers and the plain HTTP routes. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors,
            String requestId) {
        return new Problem(Problem.TYPE_BASE + code, title, status, detail, code, errors, requestId);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The code and title this service uses for a bare HTTP status (404 from routing, 405, 413...). */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "validation_failed";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Validation failed";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Bad request";
        };
    }

    public static Problem forStatus(int status, String detail, String requestId) {
        return of(status, codeFor(status), titleFor(status), detail, null, requestId);
    }
}
