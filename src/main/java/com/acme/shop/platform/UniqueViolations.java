package com.acme.shop.platform;

import java.sql.SQLException;

/** Recognises which unique or check constraint a failed write broke, so it can be answered with its code. */
public final class UniqueViolations {

    private UniqueViolations() {
    }

    /** True when {@code error} (or a cause) is PostgreSQL refusing the write because of {@code constraint}. */
    public static boolean violates(Throwable error, String constraint) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && ("23505".equals(sql.getSQLState()) || "23514".equals(sql.getSQLState()))
                    && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
