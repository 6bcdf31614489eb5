package com.acme.shop.ordering;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Cancels {@code manual} orders left unpaid for {@code SHOP_MANUAL_PAYMENT_TIMEOUT} (default 72 h) and returns
 * their stock, so an order nobody pays does not hold units forever. The same shape as {@link StripeExpirySweep}:
 * every instance may sweep at once (see {@link OrderRows#lockStaleManualUnpaid}), and the cancellation is
 * {@link Orders#cancelUnpaid}'s, as for any unpaid order.
 */
@ApplicationScoped
public class ManualPaymentSweep {

    private static final Logger LOG = Logger.getLogger(ManualPaymentSweep.class);
    private static final int BATCH = 100;

    private final OrderRows rows;
    private final Orders orders;
    private final CheckoutConfig config;

    ManualPaymentSweep(OrderRows rows, Orders orders, CheckoutConfig config) {
        this.rows = rows;
        this.orders = orders;
        this.config = config;
    }

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        int cancelled;
        do {
            cancelled = sweepBatch();
            if (cancelled > 0) {
                LOG.infof("Cancelled %d manual orders unpaid for %s", cancelled, config.manualPaymentTimeout());
            }
        } while (cancelled > 0);
    }

    @Transactional
    int sweepBatch() {
        List<Order> stale = rows.lockStaleManualUnpaid(config.manualPaymentTimeout(), BATCH);
        for (Order order : stale) {
            orders.cancelUnpaid(order, "system", "unpaid after " + config.manualPaymentTimeout());
        }
        return stale.size();
    }
}
