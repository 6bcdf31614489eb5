package com.acme.shop.promotion.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partial update: an absent field is left as it is. The optional bounds ({@code startsAt}, {@code endsAt},
 * {@code usageLimit}, {@code perCustomerLimit}) tell absent from null: null removes the bound.
 */
@Schema(name = "PromotionPatch")
public record PromotionPatch(
        @Size(min = 1, max = 64, message = "must be 1 to 64 characters")
        @Pattern(regexp = PromotionCreate.CODE, message = PromotionCreate.CODE_MESSAGE) String code,
        @Pattern(regexp = PromotionCreate.TYPE, message = PromotionCreate.TYPE_MESSAGE)
        @Schema(enumeration = {"percent", "fixed", "free_shipping"}) String type,
        @Min(value = 0, message = "must be 0 or more") Long value,
        @Min(value = 0, message = "must be 0 or more") Long minSubtotalCents,
        @JsonDeserialize(using = NullableInstant.class)
        @Schema(type = SchemaType.STRING, format = "date-time", nullable = true, description = "null: no start")
        Optional<Instant> startsAt,
        @JsonDeserialize(using = NullableInstant.class)
        @Schema(type = SchemaType.STRING, format = "date-time", nullable = true, description = "null: no end")
        Optional<Instant> endsAt,
        @JsonDeserialize(using = NullableInteger.class)
        @Schema(type = SchemaType.INTEGER, format = "int32", nullable = true, minimum = "0",
                description = "null: no limit; below usedCount is 422 validation_failed")
        Optional<@Min(value = 0, message = "must be 0 or more") Integer> usageLimit,
        @JsonDeserialize(using = NullableInteger.class)
        @Schema(type = SchemaType.INTEGER, format = "int32", nullable = true, minimum = "1", description = "null: no limit")
        Optional<@Min(value = 1, message = "must be 1 or more") Integer> perCustomerLimit,
        Boolean active,
        @Size(max = 100, message = "must name at most 100 categories")
        @Schema(description = "Replaces the categories; empty: the whole catalog")
        List<@NotNull(message = "must not be null") UUID> categoryIds) {

    /** Explicit null is {@code Optional.empty()}, absent is {@code null}. */
    abstract static class ExplicitNull<T> extends StdDeserializer<Optional<T>> {
        private final Class<T> type;

        ExplicitNull(Class<T> type) {
            super(Optional.class);
            this.type = type;
        }

        @Override
        public Optional<T> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Optional.of(context.readValue(parser, type));
        }

        @Override
        public Optional<T> getNullValue(DeserializationContext context) {
            return Optional.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }

    public static final class NullableInstant extends ExplicitNull<Instant> {
        public NullableInstant() {
            super(Instant.class);
        }
    }

    public static final class NullableInteger extends ExplicitNull<Integer> {
        public NullableInteger() {
            super(Integer.class);
        }
    }
}
