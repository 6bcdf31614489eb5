package com.acme.shop.ordering;

import com.acme.shop.identity.CustomerStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** What the back office shows of a customer's orders, in one aggregate query. */
@ApplicationScoped
public class OrderCustomerStats implements CustomerStats {

    private final OrderRows rows;

    OrderCustomerStats(OrderRows rows) {
        this.rows = rows;
    }

    @Override
    public Stats of(UUID userId) {
        OrderRows.CustomerTotals totals = rows.customerTotals(userId);
        return new Stats(totals.orders(), totals.spentCents());
    }
}
