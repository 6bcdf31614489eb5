package com.acme.shop.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error this service answers. Described in the OpenAPI document by
 * {@link OpenApiProblems}.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "/problems/";
}
