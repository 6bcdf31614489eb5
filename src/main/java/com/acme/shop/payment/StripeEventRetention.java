package com.acme.shop.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Purges processed Stripe events after 30 days. The rows exist so a redelivered event takes effect once; Stripe
 * stops redelivering an event after 3 days, so a month-old row guards nothing and the table would otherwise grow
 * with every event ever received. Every instance may purge at once (see {@link PaymentRows#purgeEventsOlderThan}).
 */
@ApplicationScoped
public class StripeEventRetention {

    static final Duration KEEP = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(StripeEventRetention.class);
    private static final int BATCH = 1000;

    private final PaymentRows rows;

    StripeEventRetention(PaymentRows rows) {
        this.rows = rows;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purge() {
        int purged;
        int total = 0;
        do {
            purged = purgeBatch();
            total += purged;
        } while (purged == BATCH);
        if (total > 0) {
            LOG.infof("Purged %d Stripe events older than %s", total, KEEP);
        }
    }

    @Transactional
    int purgeBatch() {
        return rows.purgeEventsOlderThan(KEEP, BATCH);
    }
}
