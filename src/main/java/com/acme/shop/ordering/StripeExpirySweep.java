package com.acme.shop.ordering;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Returns the stock of Stripe orders whose session expired unpaid, even if Stripe's expiry webhook never
 * arrives. Every instance may sweep at once (see {@link OrderRows#lockExpiredUnpaid}); a payment that still
 * arrives later is settled as a late payment.
 */
@ApplicationScoped
public class StripeExpirySweep {

    private static final Logger LOG = Logger.getLogger(StripeExpirySweep.class);
    private static final int BATCH = 100;

    private final OrderRows rows;
    private final Orders orders;

    StripeExpirySweep(OrderRows rows, Orders orders) {
        this.rows = rows;
        this.orders = orders;
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        int cancelled;
        do {
            cancelled = sweepBatch();
            if (cancelled > 0) {
                LOG.infof("Cancelled %d unpaid Stripe orders whose session expired", cancelled);
            }
        } while (cancelled > 0);
    }

    @Transactional
    int sweepBatch() {
        List<Order> stale = rows.lockExpiredUnpaid(BATCH);
        for (Order order : stale) {
            orders.cancelUnpaid(order, "system", "payment session expired");
        }
        return stale.size();
    }
}
