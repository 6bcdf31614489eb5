package com.acme.shop.identity;

import java.util.UUID;

/**
 * What the back office shows of a customer's buying. Implemented by the ordering module (which owns orders),
 * so identity never reads another module's tables.
 */
public interface CustomerStats {

    record Stats(long orderCount, long totalSpentCents) {
    }

    Stats of(UUID userId);
}
