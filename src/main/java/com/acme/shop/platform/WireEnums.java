package com.acme.shop.platform;

import java.util.Locale;

/**
 * Enums that the API and the database spell in lower case ({@code partially_refunded}): one spelling rule for all
 * of them, written to a column as {@link #value} and read back with {@link #of}.
 */
public final class WireEnums {

    private WireEnums() {
    }

    /** An enum spelled in the API by {@link #value()} rather than by its constant's name. */
    public interface Spelled {
        String value();
    }

    public static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E of(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (value(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + value);
    }
}
