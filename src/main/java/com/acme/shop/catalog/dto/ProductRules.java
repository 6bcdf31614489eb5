package com.acme.shop.catalog.dto;

/** The catalog's field rules, shared by the JSON bodies and the CSV import. */
public final class ProductRules {

    public static final int SKU_MAX_LENGTH = 64;
    public static final String SKU = "^[A-Za-z0-9][A-Za-z0-9._-]{0," + (SKU_MAX_LENGTH - 1) + "}$";
    public static final String SKU_MESSAGE = "must be 1 to " + SKU_MAX_LENGTH
            + " letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String SLUG_MESSAGE = "must be lower-case letters and digits joined by single hyphens";
    public static final String IMAGE_URL = "^https?://\\S+$";
    public static final String IMAGE_URL_MESSAGE = "must be an http(s) URL";
    public static final long MAX_PRICE_CENTS = 100_000_000_00L;
    public static final int MAX_STOCK = 1_000_000_000;
    /** Categories one product may be filed under. */
    public static final int MAX_CATEGORIES = 100;

    private ProductRules() {
    }
}
