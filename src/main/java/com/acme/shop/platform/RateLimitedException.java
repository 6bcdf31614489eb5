package com.acme.shop.platform;

/** 429 {@code rate_limited}; the mapper turns {@link #retryAfterSeconds()} into {@code Retry-After}. */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(429, "rate_limited", "Too many requests", "Too many requests; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
