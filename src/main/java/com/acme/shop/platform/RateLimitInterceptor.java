package com.acme.shop.platform;

import io.quarkus.arc.ArcInvocationContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;

@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RateLimitInterceptor {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    RateLimits rateLimits;

    @Inject
    RateLimitConfig config;

    @Inject
    HttpServerRequest request;

    @Inject
    ClientAddresses clients;

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RateLimited binding = ArcInvocationContext.findIterceptorBinding(context, RateLimited.class);
        String group = binding == null ? "default" : binding.value();
        rateLimits.hit("ip:" + group, clients.rateLimitKey(request), config.ipPerMinute(), MINUTE);
        return context.proceed();
    }
}
