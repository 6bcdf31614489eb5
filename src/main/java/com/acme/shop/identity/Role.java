package com.acme.shop.identity;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two roles of the contract; their lower-case names are what tokens, JSON and the database carry. */
public enum Role {
    CUSTOMER, ADMIN;

    public static final String CUSTOMER_NAME = "customer";
    public static final String ADMIN_NAME = "admin";

    @JsonValue
    public String value() {
        return this == ADMIN ? ADMIN_NAME : CUSTOMER_NAME;
    }

    public static Role of(String value) {
        return ADMIN_NAME.equals(value) ? ADMIN : CUSTOMER;
    }
}
