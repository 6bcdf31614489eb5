package com.acme.shop.catalog.dto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partial update: an absent field is left as it is. {@code parentId} tells absent from null: absent keeps the
 * parent, {@code null} moves the category to the top level, an id moves it under that category.
 */
@Schema(name = "CategoryPatch")
public record CategoryPatch(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 120, message = "must be at most 120 characters")
        @Pattern(regexp = ProductRules.SLUG, message = ProductRules.SLUG_MESSAGE) String slug,
        @JsonDeserialize(using = ExplicitNull.class)
        @Schema(type = SchemaType.STRING, format = "uuid", nullable = true,
                description = "Absent: keep the parent; null: move to the top level; an id: move under that category "
                        + "(under itself or one of its descendants is 409 conflict)")
        Optional<UUID> parentId,
        @Min(value = 0, message = "must be 0 or more") @Max(value = MAX_POSITION, message = "is too large")
        Integer position) {

    public static final int MAX_POSITION = 1_000_000;

    /** True when the body names a parent, null included. */
    public boolean movesParent() {
        return parentId != null;
    }

    /**
     * {@code "parentId": null} is {@code Optional.empty()}, a missing {@code parentId} is {@code null}: Jackson's
     * own Optional support answers empty for both, which would turn every rename into a move to the top level.
     */
    public static final class ExplicitNull extends StdDeserializer<Optional<UUID>> {

        public ExplicitNull() {
            super(Optional.class);
        }

        @Override
        public Optional<UUID> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Optional.of(context.readValue(parser, UUID.class));
        }

        @Override
        public Optional<UUID> getNullValue(DeserializationContext context) {
            return Optional.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
