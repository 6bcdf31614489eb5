package com.acme.shop.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the email backlog next to readiness. It never fails readiness: an SMTP outage is what the outbox is
 * for, and taking instances out of rotation would not deliver a single mail. Alert on {@code dead} instead.
 */
@Readiness
@ApplicationScoped
public class MailBacklogCheck implements HealthCheck {

    private final OutboxRows rows;

    MailBacklogCheck(OutboxRows rows) {
        this.rows = rows;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRows.Backlog backlog;
        try {
            backlog = QuarkusTransaction.requiringNew().call(rows::backlog);
        } catch (RuntimeException e) {
            // The database is unreachable: the datasource's own check reports that; this one only has no numbers.
            return HealthCheckResponse.named("Email outbox").up().withData("backlog", "unknown").build();
        }
        return HealthCheckResponse.named("Email outbox").up()
                .withData("pending", backlog.pending())
                .withData("dead", backlog.dead())
                .withData("oldestPendingSeconds", backlog.oldestPendingSeconds())
                .build();
    }
}
