package com.acme.shop.payment;

/** A way of paying. Checkout asks {@link #available()} before it takes any stock. */
public interface PaymentProvider {

    PaymentMethod method();

    boolean available();
}
