package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The payment feature's SQL: the {@code stripe_event} table that makes each webhook event take effect once. */
@ApplicationScoped
class PaymentRows {

    private final EntityManager em;

    PaymentRows(EntityManager em) {
        this.em = em;
    }

    /** @return false when the event was already recorded (a redelivery, or a concurrent delivery of it) */
    boolean recordEvent(String eventId, String type) {
        return em.createNativeQuery("INSERT INTO stripe_event (id, type) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, type).executeUpdate() == 1;
    }
}
