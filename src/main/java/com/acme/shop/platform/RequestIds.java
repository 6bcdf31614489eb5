package com.acme.shop.platform;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every request carries an id: the caller's {@code X-Request-Id} when it is sane, otherwise a fresh one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static String accept(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static String of(HttpServerRequest request) {
        return request == null ? null : request.getHeader(HEADER);
    }
}
