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

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RateLimited binding = ArcInvocationContext.findIterceptorBinding(context, RateLimited.class);
        String group = binding == null ? "default" : binding.value();
        String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        rateLimits.hit("ip:" + group, ip, config.ipPerMinute(), MINUTE);
        return context.proceed();
    }
}
