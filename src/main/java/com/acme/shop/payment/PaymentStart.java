package com.acme.shop.payment;

import java.time.Instant;

/** What a provider answers when an order is placed: where to send the shopper, and what to remember. */
public record PaymentStart(String status, String redirectUrl, String reference, Instant expiresAt) {
}
