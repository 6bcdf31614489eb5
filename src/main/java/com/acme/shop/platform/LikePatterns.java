package com.acme.shop.platform;

/** Search terms for {@code ILIKE ... ESCAPE '\'}: matched anywhere, with LIKE's own wildcards taken literally. */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String contains(String q) {
        return "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
