package com.acme.shop.platform;

import java.util.Locale;

/** Email addresses are case-insensitive in this shop: one normal form, used wherever one is stored or compared. */
public final class Emails {

    private Emails() {
    }

    /** Trimmed and lower-cased; null stays null. */
    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
