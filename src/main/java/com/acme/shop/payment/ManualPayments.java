package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;

/** Bank transfer, cash on delivery...: the order waits in PENDING_PAYMENT until an admin marks it PAID. */
@ApplicationScoped
public class ManualPayments implements PaymentProvider {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.MANUAL;
    }

    @Override
    public boolean available() {
        return true;
    }
}
