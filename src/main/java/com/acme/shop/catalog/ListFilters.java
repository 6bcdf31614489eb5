package com.acme.shop.catalog;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The storefront list's variant filters (API.md, "Variants, images and categories"): a product matches when ONE of
 * its active variants passes all of them together: its price in {@code [minPriceCents, maxPriceCents]}, stock above
 * 0 when {@code inStock}, and every asked {@code option.<name>=<value>} (names and values compared exactly, as the
 * product's options spell them; an unknown one matches nothing).
 */
record ListFilters(Long minPriceCents, Long maxPriceCents, boolean inStock, List<Option> options) {

    static final String OPTION_PREFIX = "option.";
    /** More asked options than any product can have (3) is a client's mistake, not a search. */
    static final int MAX_OPTIONS = 10;

    record Option(String name, String value) {
    }

    static final ListFilters NONE = new ListFilters(null, null, false, List.of());

    /** Reads the filters from the request's query; a bad value is 400 validation_failed naming its parameter. */
    static ListFilters of(String minPriceCents, String maxPriceCents, String inStock, MultivaluedMap<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        Long min = cents("minPriceCents", minPriceCents, errors);
        Long max = cents("maxPriceCents", maxPriceCents, errors);
        if (min != null && max != null && min > max) {
            errors.add(new FieldError("minPriceCents", "must not be more than maxPriceCents"));
        }
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            if (!param.getKey().startsWith(OPTION_PREFIX)) {
                continue;
            }
            String name = param.getKey().substring(OPTION_PREFIX.length());
            if (name.isBlank()) {
                errors.add(new FieldError(param.getKey(), "must name an option: option.<name>=<value>"));
                continue;
            }
            for (String value : param.getValue()) {
                if (value == null || value.isBlank()) {
                    errors.add(new FieldError(param.getKey(), "must not be blank"));
                } else {
                    options.add(new Option(name, value));
                }
            }
        }
        if (options.size() > MAX_OPTIONS) {
            errors.add(new FieldError("option", "at most " + MAX_OPTIONS + " option filters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new ListFilters(min, max, inStock != null && Boolean.parseBoolean(inStock), List.copyOf(options));
    }

    private static Long cents(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,15}")) {
            errors.add(new FieldError(field, "must be a whole number of cents, 0 or more"));
            return null;
        }
        return Long.parseLong(value);
    }

    /** Whether any variant filter is asked for. */
    boolean any() {
        return minPriceCents != null || maxPriceCents != null || inStock || !options.isEmpty();
    }

    /** The unit separator between a token's parts (V18; names and values never hold a control character). */
    static final String SEPARATOR = "\u001f";

    /**
     * What the asked options require of a product's {@code filter_tokens} (V18): for each, that one of its active
     * variants has the value. That is the whole option filter when one option is asked; with more, one variant must
     * have them all together, which {@link #needsVariants} leaves to {@link #variantMatches}.
     */
    List<String> productTokens() {
        return options.stream().map(o -> "o" + SEPARATOR + o.name() + SEPARATOR + o.value()).toList();
    }

    /** The token of a category in {@code filter_tokens}: a product filed under it or under one of its descendants. */
    static String categoryToken(UUID categoryId) {
        return "c" + SEPARATOR + categoryId;
    }

    /** Whether the product's tokens do not say everything: some variant must pass price, stock or several options. */
    boolean needsVariants() {
        return minPriceCents != null || maxPriceCents != null || inStock || options.size() > 1;
    }

    /**
     * SQL that holds for a variant (alias {@code v}) passing every filter, active ones only; its values are appended
     * to {@code params} in order.
     */
    String variantMatches(String v, List<Object> params) {
        StringBuilder sql = new StringBuilder(v + ".active");
        if (minPriceCents != null) {
            sql.append(" AND ").append(v).append(".price_cents >= ?");
            params.add(minPriceCents);
        }
        if (maxPriceCents != null) {
            sql.append(" AND ").append(v).append(".price_cents <= ?");
            params.add(maxPriceCents);
        }
        if (inStock) {
            sql.append(" AND ").append(v).append(".stock > 0");
        }
        if (!options.isEmpty()) {
            sql.append(" AND ").append(v).append(".option_tokens @> ?::text[]");
            params.add(options.stream().map(o -> o.name() + SEPARATOR + o.value()).toArray(String[]::new));
        }
        return sql.toString();
    }
}
