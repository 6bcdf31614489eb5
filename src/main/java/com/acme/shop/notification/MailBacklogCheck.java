package com.acme.shop.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

    private final EntityManager em;

    MailBacklogCheck(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'dead'),
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)
                FROM outbox_email
                """).getSingleResult();
        return HealthCheckResponse.named("Email outbox").up()
                .withData("pending", ((Number) row[0]).longValue())
                .withData("dead", ((Number) row[1]).longValue())
                .withData("oldestPendingSeconds", ((Number) row[2]).longValue())
                .build();
    }
}
