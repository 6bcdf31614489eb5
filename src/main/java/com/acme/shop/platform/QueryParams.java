package com.acme.shop.platform;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters typed as what they are ({@code @QueryParam("status") OrderStatus}, {@code LocalDate},
 * {@code UUID}), with a bad value answered 400 validation_failed naming the parameter, where JAX-RS would answer
 * 404. An enum is spelled by its constant's name, or by its {@link WireEnums.Spelled#value()} where it has one.
 * (JAX-RS wraps the refusal in a NotFoundException; {@link ProblemMappers} unwraps it.)
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, (Class) rawType);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "must be a date YYYY-MM-DD", QueryParams::date);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "must be a UUID", QueryParams::uuid);
        }
        return null;
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(String name, Class<E> type) {
        Function<E, String> spelling = e -> e instanceof WireEnums.Spelled spelled ? spelled.value() : e.name();
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(spelling).collect(Collectors.joining(", "));
        return converter(name, "must be one of " + allowed, value -> Arrays.stream(constants)
                .filter(c -> spelling.apply(c).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(value)));
    }

    private static <T> ParamConverter<T> converter(String name, String message, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw ApiException.validation(name, message);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    /** Years 1 to 9999 only: "+999999999-12-31" parses, and date arithmetic on it overflows. */
    private static LocalDate date(String value) {
        LocalDate date = LocalDate.parse(value);
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException(value);
        }
        return date;
    }

    /** Only the canonical 8-4-4-4-12 form; {@link UUID#fromString} also takes shorter groups. */
    private static UUID uuid(String value) {
        if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }
}
