package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** The payment providers, by method: how checkout and refunds find the one an order uses. */
@ApplicationScoped
public class Payments {

    private final Map<PaymentMethod, PaymentProvider> providers = new EnumMap<>(PaymentMethod.class);

    Payments(Instance<PaymentProvider> all) {
        all.forEach(provider -> providers.put(provider.method(), provider));
    }

    public PaymentProvider of(PaymentMethod method) {
        return providers.get(method);
    }
}
