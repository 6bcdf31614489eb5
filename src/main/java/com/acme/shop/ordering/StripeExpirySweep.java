package com.acme.shop.ordering;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Returns the stock of Stripe orders whose session expired unpaid, even if Stripe's expiry webhook never
 * arrives. FOR UPDATE SKIP LOCKED lets every instance sweep at once without taking the same order twice or
 * waiting on one a webhook is handling; a payment that still arrives later is settled as a late payment.
 */
@ApplicationScoped
public class StripeExpirySweep {

    private static final Logger LOG = Logger.getLogger(StripeExpirySweep.class);

    private final EntityManager em;
    private final OrderService orders;

    StripeExpirySweep(EntityManager em, OrderService orders) {
        this.em = em;
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

    /** One batch; the grace minute lets a just-in-time payment's webhook win the race. */
    @Transactional
    @SuppressWarnings("unchecked")
    int sweepBatch() {
        List<UUID> stale = em.createNativeQuery("""
                SELECT id FROM customer_order
                WHERE status = 'PENDING_PAYMENT' AND payment_provider = 'stripe'
                  AND payment_expires_at < now() - interval '1 minute'
                ORDER BY payment_expires_at LIMIT 100 FOR UPDATE SKIP LOCKED
                """).getResultList();
        for (UUID id : stale) {
            Order order = em.find(Order.class, id);
            orders.abandonPayment(order, "system", "payment session expired");
        }
        return stale.size();
    }
}
