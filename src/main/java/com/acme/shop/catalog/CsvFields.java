package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductRules;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the CSV import reads its header and the text of one field: pure functions, no I/O, no database. */
final class CsvFields {

    static final List<String> COLUMNS = List.of("sku", "name", "slug", "description", "price", "stock", "active", "image_url");
    private static final Pattern PRICE = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private CsvFields() {
    }

    /**
     * A field's value, or what is wrong with it. A value can come with a problem: a price that is too large keeps
     * its cents, so the product's own rules see it too.
     */
    record Parsed<T>(T value, String problem) {

        static <T> Parsed<T> valid(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> invalid(String problem) {
            return new Parsed<>(null, problem);
        }

        boolean ok() {
            return problem == null;
        }
    }

    /** The header names, trimmed and in any case and order, must be exactly {@link #COLUMNS}. */
    static boolean headerIsValid(List<String> header) {
        List<String> names = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        return names.size() == COLUMNS.size() && new HashSet<>(names).equals(new HashSet<>(COLUMNS));
    }

    /** {@code price}: a decimal in major units with at most two decimals, like 12.34, into cents. */
    static Parsed<Long> priceCents(String text) {
        String price = text.trim();
        if (PRICE.matcher(price).matches()) {
            long cents = new BigDecimal(price).movePointRight(2).longValueExact();
            return cents > ProductRules.MAX_PRICE_CENTS ? new Parsed<>(cents, "is too large") : Parsed.valid(cents);
        } else if (price.isEmpty()) {
            return Parsed.invalid("must not be empty");
        } else if (price.startsWith("-") && DECIMAL.matcher(price).matches()) {
            return Parsed.invalid("must be 0 or more");
        } else if (DECIMAL.matcher(price).matches()) {
            return Parsed.invalid("must have at most two decimals");
        } else {
            return Parsed.invalid("must be a decimal number in major units, like 12.34");
        }
    }

    /** {@code stock}: a whole number from 0 to {@link ProductRules#MAX_STOCK}. */
    static Parsed<Integer> stock(String text) {
        String stock = text.trim();
        if (INTEGER.matcher(stock).matches() && stock.length() <= 11) {
            long value = Long.parseLong(stock);
            if (value < 0) {
                return Parsed.invalid("must be 0 or more");
            } else if (value > ProductRules.MAX_STOCK) {
                return Parsed.invalid("is too large");
            }
            return Parsed.valid((int) value);
        }
        return Parsed.invalid("must be a whole number");
    }

    /** {@code active}: true or false in any case; empty means true. */
    static Parsed<Boolean> active(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "true" -> Parsed.valid(Boolean.TRUE);
            case "false" -> Parsed.valid(Boolean.FALSE);
            default -> Parsed.invalid("must be true, false or empty");
        };
    }

    /** The CSV column that a property of {@code ProductCreate} comes from. */
    static String column(String property) {
        return switch (property) {
            case "priceCents" -> "price";
            case "imageUrl" -> "image_url";
            default -> property;
        };
    }

    /** PostgreSQL text cannot hold U+0000. */
    static boolean hasNul(String value) {
        return value != null && value.indexOf(0) >= 0;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
