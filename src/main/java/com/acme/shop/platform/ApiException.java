package com.acme.shop.platform;

import java.util.List;

/**
 * An expected failure with a stable {@code code}: thrown by services, answered as problem+json by
 * {@link ProblemMappers}. Nothing it carries comes from an internal exception message.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;

    public ApiException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", "Not found", what + " not found");
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, "Conflict", detail);
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(400, "validation_failed", "Validation failed", "The request is not valid", errors);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
