package com.acme.shop.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * How large a request body each route accepts: {@code shop.http.max-body-size} (1M) everywhere, unless
 * {@code shop.http.route-max-body-size."<path>"} names the path (the CSV import and the bulk routes take more).
 * Enforced twice, both answering 413 problem+json: {@link HttpPlatform} refuses a declared {@code Content-Length}
 * over the limit before anything is read, and {@link BodyLimitReader} counts the bytes of a body sent without one
 * (chunked). Quarkus's own {@code quarkus.http.limits.max-body-size} stays the largest route limit, a last
 * backstop.
 */
@ApplicationScoped
public class BodyLimits {

    private final long defaultLimit;
    private final Map<String, Long> routeLimits;

    BodyLimits(HttpConfig config) {
        this.defaultLimit = config.maxBodySize().asLongValue();
        this.routeLimits = config.routeMaxBodySize().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().asLongValue()));
    }

    /** The limit in bytes for a request path (the normalised path, without the query). */
    public long limitFor(String path) {
        String key = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routeLimits.getOrDefault(key, defaultLimit);
    }

    static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** 413 problem+json, for either place the limit is found to be exceeded. */
    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload_too_large", "Payload too large",
                "The request body is larger than this endpoint accepts (" + describe(limit) + ")");
    }

}
