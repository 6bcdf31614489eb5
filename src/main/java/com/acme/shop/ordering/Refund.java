package com.acme.shop.ordering;

import com.acme.shop.payment.RefundStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Money given back on an order ({@code refund}); inserted with the order by {@link OrderRows#save}. */
public class Refund {

    public UUID id;

    public UUID orderId;

    public long amountCents;

    public RefundStatus status;

    public String reason;

    public boolean restock;

    public String providerReference;

    public String actor;

    public Instant createdAt;

    /** The one way a refund row comes to be: through the order's money moves ({@link Order#refund} and kin). */
    static Refund of(Order order, long amountCents, RefundStatus status, String providerReference, String reason,
            boolean restock, String actor) {
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = order.id;
        refund.amountCents = amountCents;
        refund.status = status;
        refund.providerReference = providerReference;
        refund.reason = reason;
        refund.restock = restock;
        refund.actor = actor;
        refund.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return refund;
    }
}
