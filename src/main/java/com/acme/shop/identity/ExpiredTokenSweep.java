package com.acme.shop.identity;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Deletes identity's tokens that can never be used again: refresh tokens past their expiry or their session's
 * maximum age, reset tokens used or expired, invites redeemed or past {@code shop.auth.invite-max-age}. A batch
 * at a time, each in its own short transaction; SKIP LOCKED lets every instance sweep at once without waiting on
 * a row a sign-in is using.
 */
@ApplicationScoped
public class ExpiredTokenSweep {

    private static final Logger LOG = Logger.getLogger(ExpiredTokenSweep.class);
    private static final int BATCH = 1000;

    private final IdentityRows rows;
    private final IdentityConfig config;

    ExpiredTokenSweep(IdentityRows rows, IdentityConfig config) {
        this.rows = rows;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        Duration longestSession = config.sessionMaxAge().compareTo(config.adminSessionMaxAge()) >= 0
                ? config.sessionMaxAge() : config.adminSessionMaxAge();
        Instant now = Instant.now();
        int refresh = drain(() -> refreshBatch(now.minus(longestSession)));
        int resets = drain(this::resetBatch);
        int invites = drain(() -> inviteBatch(now.minus(config.inviteMaxAge())));
        if (refresh + resets + invites > 0) {
            LOG.infof("Purged %d refresh tokens, %d password reset tokens and %d guest invites that can no longer be used",
                    refresh, resets, invites);
        }
    }

    private static int drain(IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    @Transactional
    int refreshBatch(Instant sessionsStartedBefore) {
        return rows.deleteExpiredRefreshTokens(sessionsStartedBefore, BATCH);
    }

    @Transactional
    int resetBatch() {
        return rows.deleteSpentResetTokens(BATCH);
    }

    @Transactional
    int inviteBatch(Instant sentBefore) {
        return rows.deleteSpentInvites(sentBefore, BATCH);
    }
}
