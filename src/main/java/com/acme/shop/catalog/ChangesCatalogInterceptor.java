package com.acme.shop.catalog;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs inside the method's transaction (after {@code @Transactional}'s interceptor), so it can wait for its commit. */
@ChangesCatalog
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class ChangesCatalogInterceptor {

    private final CatalogCache cache;

    ChangesCatalogInterceptor(CatalogCache cache) {
        this.cache = cache;
    }

    @AroundInvoke
    Object announce(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } finally {
            cache.changed();
        }
    }
}
