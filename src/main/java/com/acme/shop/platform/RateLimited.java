package com.acme.shop.platform;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a resource method to {@code shop.rate-limit.ip-per-minute} calls per client IP per minute, counted
 * per {@link #value() group} of endpoints.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The group whose budget this call spends: {@code auth}, {@code lookup}, {@code checkout}. */
    @Nonbinding
    String value();
}
