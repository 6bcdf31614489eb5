package com.acme.shop.ordering;

import com.acme.shop.cart.CartOwner;
import com.acme.shop.ordering.dto.CheckoutRequest;
import com.acme.shop.ordering.dto.CheckoutResponse;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.payment.PaymentProvider;
import com.acme.shop.payment.Payments;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.IdempotencyKeys;
import com.acme.shop.platform.SecureTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code POST /checkout}, idempotently: claim the {@code Idempotency-Key} and place the order in one transaction
 * ({@link OrderPlacement}), then start its payment through its {@link PaymentProvider} once the order has
 * committed. The answer is recorded with the key, so a retry replays it byte for byte; with manual payment the
 * whole checkout is that one transaction.
 */
@ApplicationScoped
public class Checkout {

    private final OrderPlacement placement;
    private final Orders orders;
    private final Payments payments;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;

    Checkout(OrderPlacement placement, Orders orders, Payments payments, IdempotencyKeys idempotency,
            ObjectMapper json) {
        this.placement = placement;
        this.orders = orders;
        this.payments = payments;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The answer to send: the first execution's, or a replay of it (same status, same bytes). */
    public record Answer(int status, String body) {
    }

    public Answer checkout(CartOwner owner, String idempotencyKey, CheckoutRequest request) {
        IdempotencyKeys.requireValid(idempotencyKey);
        PaymentProvider payment = payments.of(request.paymentMethod());
        if (!payment.available()) {
            throw new ApiException(503, "payment_unavailable", "Payment unavailable",
                    "Card payments are not configured; choose another payment method");
        }
        if (owner.isGuest() && (request.email() == null || request.email().isBlank())) {
            throw ApiException.validation("email", "is required for guest checkout");
        }
        String scope = scope(owner);
        byte[] requestHash = hash(request);
        if (payment.provisionalHold().isEmpty()) {
            // Nothing to start outside: the claim, the order and the recorded answer are one transaction; the stock
            // and the code's use are taken last, so their rows are locked only for the takes and the commit.
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyKeys.Claim claim = idempotency.claim(scope, idempotencyKey, requestHash);
                if (claim instanceof IdempotencyKeys.Replay replay) {
                    return new Answer(replay.status(), replay.body());
                }
                OrderPlacement.Placed placed = placement.place(owner, request, payment);
                Answer answer = complete((IdempotencyKeys.Owned) claim, placed.order(), null);
                placement.take(placed);
                return answer;
            });
        }
        // The claim commits with the order, in progress, so a duplicate gets 409 while the provider is called.
        Claimed placed = QuarkusTransaction.requiringNew().call(() -> {
            IdempotencyKeys.Claim claim = idempotency.claim(scope, idempotencyKey, requestHash);
            if (claim instanceof IdempotencyKeys.Replay replay) {
                return new Claimed(null, null, new Answer(replay.status(), replay.body()));
            }
            OrderPlacement.Placed order = placement.place(owner, request, payment);
            placement.take(order);
            return new Claimed((IdempotencyKeys.Owned) claim, order.order(), null);
        });
        return placed.replay() != null ? placed.replay() : startPayment(placed.order(), payment, placed.claim());
    }

    /** An online checkout's first transaction: the claimed key and the order, or the answer to replay. */
    private record Claimed(IdempotencyKeys.Owned claim, OrderDto order, Answer replay) {
    }

    /**
     * The provider is called after the order (and its stock) and the claim committed, outside any transaction.
     * If it fails, the order is cancelled at once and its stock returned, the key released, and the client told
     * 503 payment_unavailable: it may retry with the same key. Should this process die before either, the expiry
     * sweep returns the stock once the provisional expiry passes, and the key may be claimed again after five
     * minutes.
     */
    private Answer startPayment(OrderDto order, PaymentProvider payment, IdempotencyKeys.Owned claim) {
        PaymentProvider.Session session;
        try {
            session = payment.start(paymentRequest(order)).orElseThrow();
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                Order placed = orders.lockForUpdate(order.id());
                if (placed.status == OrderStatus.PENDING_PAYMENT) {
                    orders.cancelUnpaid(placed, "system", "payment session could not be created");
                }
                idempotency.release(claim);
            });
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Order placed = orders.lockForUpdate(order.id());
            placed.paymentStarted(session.reference(), session.expiresAt());
            Answer answer = complete(claim, orders.dto(placed), session.redirectUrl());
            orders.save(placed);
            return answer;
        });
    }

    /** Records the answer with the key, in the transaction of the work it describes. */
    private Answer complete(IdempotencyKeys.Owned claim, OrderDto order, String redirectUrl) {
        String body = write(new CheckoutResponse(order, new CheckoutResponse.CheckoutPayment(order.payment().provider(),
                order.payment().status(), redirectUrl)));
        idempotency.complete(claim, 201, body);
        return new Answer(201, body);
    }

    /** The order's lines, and its shipping and tax as lines of their own, so the provider charges the order's total. */
    private static PaymentProvider.Request paymentRequest(OrderDto order) {
        List<PaymentProvider.Item> items = new ArrayList<>();
        for (var i : order.items()) {
            if (i.discountCents() == 0) {
                items.add(new PaymentProvider.Item(i.name(), i.unitPriceCents(), i.quantity()));
            } else {
                // A discounted line is charged as one item at its discounted total: the provider's items then add up
                // to the order's total to the cent, which per-unit prices cannot do.
                items.add(new PaymentProvider.Item(i.quantity() == 1 ? i.name() : i.name() + " x " + i.quantity(),
                        i.lineTotalCents() - i.discountCents(), 1));
            }
        }
        if (order.shippingCents() > 0) {
            items.add(new PaymentProvider.Item("Shipping", order.shippingCents(), 1));
        }
        if (order.taxCents() > 0) {
            items.add(new PaymentProvider.Item("Tax", order.taxCents(), 1));
        }
        return new PaymentProvider.Request(order.id(), order.number(), order.email(), order.currency(), items);
    }

    /** Keys belong to a user, or to a guest cart (the hash of its cookie); two shoppers never share a key space. */
    private static String scope(CartOwner owner) {
        if (!owner.isGuest()) {
            return "user:" + owner.userId();
        }
        return "guest:" + (SecureTokens.looksValid(owner.guestToken())
                ? HexFormat.of().formatHex(SecureTokens.hash(owner.guestToken())) : "none");
    }

    private byte[] hash(CheckoutRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
