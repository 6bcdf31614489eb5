package com.acme.shop.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.MailTemplate;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. A batch of due mails is claimed in one short transaction ({@code FOR UPDATE SKIP LOCKED},
 * so instances never take the same mail) by pushing its next attempt a lease into the future; each mail is then
 * sent outside any transaction and marked sent, or rescheduled with exponential backoff, or declared dead after
 * {@code shop.mail.max-attempts}. A sender that dies mid-batch leaves its mails to be retried when the lease
 * ends: delivery is at least once, and a mail is sent twice only if the process dies between the SMTP
 * server's acceptance and the "sent" mark. Sent mails lose their payload, which may hold single-use tokens.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final OutboxRows rows;
    private final MailConfig config;
    private final ObjectMapper json;
    private final Counter sent;
    private final Counter failed;
    private final Counter dead;

    OutboxDispatcher(OutboxRows rows, MailConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.rows = rows;
        this.config = config;
        this.json = json;
        this.sent = metrics.counter("shop.email.sent");
        this.failed = metrics.counter("shop.email.failed");
        this.dead = metrics.counter("shop.email.dead");
    }

    @Scheduled(every = "${shop.mail.poll-interval:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatch();
    }

    /** Sends every due mail; answers how many were delivered. */
    public int dispatch() {
        int delivered = 0;
        List<OutboxRows.Claimed> batch;
        do {
            batch = claim();
            for (OutboxRows.Claimed mail : batch) {
                if (send(mail)) {
                    delivered++;
                }
            }
        } while (batch.size() == config.batchSize());
        return delivered;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<OutboxRows.Claimed> claim() {
        return rows.claimDue(config.batchSize(), config.lease());
    }

    private boolean send(OutboxRows.Claimed mail) {
        try {
            template(mail).to(mail.recipient()).send().await().atMost(SEND_TIMEOUT);
            markSent(mail.id());
            sent.increment();
            return true;
        } catch (RuntimeException e) {
            failed.increment();
            boolean giveUp = mail.attempts() >= config.maxAttempts();
            if (giveUp) {
                dead.increment();
                LOG.errorf("Giving up on %s mail %s to %s after %d attempts: %s", mail.kind(), mail.id(),
                        mail.recipient(), mail.attempts(), e.getMessage());
            } else {
                LOG.warnf("Sending %s mail %s failed (attempt %d), will retry: %s", mail.kind(), mail.id(),
                        mail.attempts(), e.getMessage());
            }
            markFailed(mail.id(), giveUp, backoff(mail.attempts()), String.valueOf(e.getMessage()));
            return false;
        }
    }

    private MailTemplate.MailTemplateInstance template(OutboxRows.Claimed mail) {
        try {
            return switch (mail.kind()) {
                case MailMessages.ORDER_CONFIRMATION -> {
                    MailMessages.OrderConfirmation m = json.readValue(mail.payload(), MailMessages.OrderConfirmation.class);
                    yield MailTemplates.orderConfirmation(m).subject("Order " + m.number() + " confirmed");
                }
                case MailMessages.ORDER_SHIPPED -> {
                    MailMessages.OrderShipped m = json.readValue(mail.payload(), MailMessages.OrderShipped.class);
                    yield MailTemplates.orderShipped(m).subject("Order " + m.number() + " has shipped");
                }
                case MailMessages.PASSWORD_RESET -> MailTemplates.passwordReset(
                        json.readValue(mail.payload(), MailMessages.PasswordReset.class)).subject("Reset your password");
                case MailMessages.GUEST_INVITE -> MailTemplates.guestInvite(
                        json.readValue(mail.payload(), MailMessages.GuestInvite.class)).subject("Keep track of your orders");
                default -> throw new IllegalStateException("unknown mail kind " + mail.kind());
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable payload of mail " + mail.id(), e);
        }
    }

    private Duration backoff(int attempts) {
        Duration delay = config.retryBase().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void markSent(UUID id) {
        rows.markSent(id);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void markFailed(UUID id, boolean giveUp, Duration retryIn, String error) {
        rows.markFailed(id, giveUp, retryIn, error);
    }
}
