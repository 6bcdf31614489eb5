package com.acme.shop.ordering;

import com.acme.shop.identity.GuestOrderClaims;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OrderGuestClaims implements GuestOrderClaims {

    private final OrderRows rows;

    OrderGuestClaims(OrderRows rows) {
        this.rows = rows;
    }

    @Override
    public int claim(String email, UUID userId) {
        return rows.claimGuestOrders(email, userId);
    }
}
