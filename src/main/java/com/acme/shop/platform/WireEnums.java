package com.acme.shop.platform;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * Enums that the API and the database spell in lower case ({@code partially_refunded}): one spelling rule and one
 * column converter for all of them.
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

    /** Stores an enum as its lower-case value; a subclass per enum, marked {@code @Converter(autoApply = true)}. */
    public abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E constant) {
            return constant == null ? null : value(constant);
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : of(type, value);
        }
    }
}
