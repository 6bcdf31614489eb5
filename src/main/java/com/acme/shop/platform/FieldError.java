package com.acme.shop.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bad input value. {@code field} is a dotted path ({@code shippingAddress.country}); bulk calls add the
 * 0-based {@code index} of the item, CSV imports the physical {@code line} of the record.
 */
public record FieldError(
        String field,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer index,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long line) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }

    public static FieldError atIndex(int index, String field, String message) {
        return new FieldError(field, message, index, null);
    }

    public static FieldError atLine(long line, String field, String message) {
        return new FieldError(field, message, null, line);
    }
}
