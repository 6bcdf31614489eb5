package com.acme.shop.payment;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * stripe-java builds its models with Gson reflection; a native image must be told which ones it reads.
 */
@RegisterForReflection(registerFullHierarchy = true, targets = {
        com.stripe.model.Event.class, com.stripe.model.Event.Data.class, com.stripe.model.Event.Request.class,
        com.stripe.model.checkout.Session.class, com.stripe.model.Refund.class, com.stripe.model.StripeError.class,
        com.stripe.model.Charge.class, com.stripe.model.PaymentIntent.class, com.stripe.model.StripeObject.class})
final class StripeReflection {

    private StripeReflection() {
    }
}
