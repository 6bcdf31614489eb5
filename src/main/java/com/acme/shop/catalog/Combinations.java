package com.acme.shop.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant's options as one canonical string, {@code {"Size":"M","Colour":"Red"}} with the names in the product's
 * option order: the {@code combination_key} that the database keeps unique per product among active variants, and
 * the snapshot an order line keeps.
 */
public final class Combinations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private Combinations() {
    }

    /** The key of {@code options} with the names in the order of {@code optionNames}. */
    public static String key(List<String> optionNames, Map<String, String> options) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : optionNames) {
            ordered.put(name, options.get(name));
        }
        return format(ordered);
    }

    public static String format(Map<String, String> ordered) {
        try {
            return JSON.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> parse(String key) {
        if (key == null || key.isEmpty() || key.equals("{}")) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(JSON.readValue(key, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
