package com.acme.shop.ordering;

import com.acme.shop.identity.GuestOrderClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

@ApplicationScoped
public class OrderGuestClaims implements GuestOrderClaims {

    private final EntityManager em;

    OrderGuestClaims(EntityManager em) {
        this.em = em;
    }

    @Override
    public int claim(String email, UUID userId) {
        return em.createNativeQuery("UPDATE customer_order SET user_id = ?1 WHERE email = ?2 AND user_id IS NULL")
                .setParameter(1, userId).setParameter(2, email).executeUpdate();
    }
}
