package com.acme.shop.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Mails that failed for good keep no live secrets: {@code SHOP_MAIL_DEAD_RETENTION} (default 24 h) after it was
 * queued, a dead mail's payload (a password-reset or invite link, a guest's tracking link) is cleared, as a sent
 * mail's is at once. The row stays, so operators still see what failed, for whom and why. Every instance may sweep
 * at once (see {@link OutboxRows#clearDeadPayloads}).
 */
@ApplicationScoped
public class DeadMailRetention {

    private static final Logger LOG = Logger.getLogger(DeadMailRetention.class);
    private static final int BATCH = 500;

    private final OutboxRows rows;
    private final MailConfig config;

    DeadMailRetention(OutboxRows rows, MailConfig config) {
        this.rows = rows;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void clear() {
        int cleared;
        int total = 0;
        do {
            cleared = clearBatch();
            total += cleared;
        } while (cleared == BATCH);
        if (total > 0) {
            LOG.infof("Cleared the payload of %d dead mails queued more than %s ago", total, config.deadRetention());
        }
    }

    @Transactional
    int clearBatch() {
        return rows.clearDeadPayloads(config.deadRetention(), BATCH);
    }
}
