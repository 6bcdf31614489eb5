package com.acme.shop.ordering;

import com.acme.shop.identity.CustomerStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** One aggregate query: every order counts; money spent is what was paid and not refunded. */
@ApplicationScoped
public class OrderCustomerStats implements CustomerStats {

    private final EntityManager em;

    OrderCustomerStats(EntityManager em) {
        this.em = em;
    }

    @Override
    public Stats of(UUID userId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT count(*),
                       coalesce(sum(total_cents - refunded_cents) FILTER (
                           WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')), 0)
                FROM customer_order WHERE user_id = ?1
                """).setParameter(1, userId).getSingleResult();
        return new Stats(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
