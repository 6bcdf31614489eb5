package com.acme.shop.platform;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?page=&size=} as the contract fixes them: page from 0, size 1..100, default 20. Read as text and checked
 * by pattern, because JAX-RS answers a query parameter that does not convert with 404, where the contract wants
 * 400 {@code validation_failed} naming the field.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "0-based page number", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    @Pattern(regexp = "0*\\d{1,9}", message = "must be a whole number, 0 or more")
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @Pattern(regexp = "0*([1-9]\\d?|100)", message = "must be a whole number from 1 to 100")
    String size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    public int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) page() * size());
    }
}
