package com.acme.shop.ordering;

import com.acme.shop.catalog.Stock;
import com.acme.shop.notification.Outbox;
import com.acme.shop.payment.PaymentOutcomes;
import com.acme.shop.payment.PaymentProvider;
import com.acme.shop.payment.Payments;
import com.acme.shop.promotion.Promotions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** How payment events move orders; runs in the webhook's transaction, on a locked order. */
@ApplicationScoped
public class OrderPaymentOutcomes implements PaymentOutcomes {

    static final String ACTOR = "stripe";
    private static final Logger LOG = Logger.getLogger(OrderPaymentOutcomes.class);

    private final OrderRows rows;
    private final Orders orders;
    private final Stock stock;
    private final Outbox outbox;
    private final Payments payments;
    private final OrderMails mails;
    private final Promotions promotions;

    OrderPaymentOutcomes(OrderRows rows, Orders orders, Stock stock, Outbox outbox, Payments payments,
            OrderMails mails, Promotions promotions) {
        this.promotions = promotions;
        this.rows = rows;
        this.orders = orders;
        this.stock = stock;
        this.outbox = outbox;
        this.payments = payments;
        this.mails = mails;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public PaidVerdict paid(UUID orderId, PaidSession session) {
        Order order = rows.lock(orderId).orElse(null);
        if (order == null) {
            LOG.warnf("Payment for unknown order %s", orderId);
            return PaidVerdict.UNKNOWN_ORDER;
        }
        PaidVerdict verdict = verdict(order, session);
        if (verdict != PaidVerdict.APPLIED) {
            return verdict;
        }
        if (order.paymentIntent == null) {
            order.paymentIntent = session.paymentIntent();
        }
        switch (order.status) {
            case PENDING_PAYMENT -> {
                order.markPaid(ACTOR, null);
                outbox.release(OrderMails.confirmationKey(order.id));
            }
            case CANCELLED -> settleLatePayment(order);
            default -> LOG.debugf("Order %s is already %s; payment noted", orderId, order.status);
        }
        rows.save(order);
        return PaidVerdict.APPLIED;
    }

    /**
     * A paid event counts for an order only when it names the session started for it (a signed event about another
     * session, of another order or of a smaller basket, is no payment of this one) and charged exactly its total in
     * its currency (Stripe spells currencies in lower case).
     */
    private static PaidVerdict verdict(Order order, PaidSession session) {
        if (session.sessionId() == null || !session.sessionId().equals(order.paymentReference)) {
            return PaidVerdict.WRONG_SESSION;
        }
        if (session.amountTotalCents() == null || session.amountTotalCents() != order.totalCents) {
            return PaidVerdict.WRONG_AMOUNT;
        }
        if (session.currency() == null || !session.currency().equalsIgnoreCase(order.currency)) {
            return PaidVerdict.WRONG_CURRENCY;
        }
        return PaidVerdict.APPLIED;
    }

    /**
     * The session expired (and the sweep cancelled the order) but the shopper paid anyway. If every line's
     * stock is still there and the code's use (if it had one) can be taken again within its limits, both are taken
     * back (stock first, as a checkout takes them) and the order is PAID; otherwise the payment is refunded through
     * the provider and the order is REFUNDED: the shop never sells stock it has not got, nor a discount past its
     * limit.
     */
    private void settleLatePayment(Order order) {
        List<Stock.Line> lines = orders.stockLines(order);
        boolean stockBack = stock.takeAll(lines);
        if (stockBack && !promotions.retake(order.id)) {
            stock.release(lines);
            stockBack = false;
        }
        if (stockBack) {
            order.acceptLatePayment(ACTOR);
            // The held confirmation was discarded at cancellation; the tracking link went with it.
            mails.paidLate(orders.dto(order));
            return;
        }
        PaymentProvider.Refunded refunded = payments.of(order.paymentProvider).refund(order.paymentIntent,
                order.refundableCents(), "late-payment-refund-" + order.id);
        order.refundLatePayment(refunded.status(), refunded.reference(), ACTOR);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void abandoned(UUID orderId, String reason) {
        Order order = rows.lock(orderId).orElse(null);
        if (order == null || order.status != OrderStatus.PENDING_PAYMENT) {
            // Paid, already cancelled (the sweep got there first) or unknown: nothing to undo.
            return;
        }
        orders.cancelUnpaid(order, ACTOR, reason);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void refunded(String paymentIntent, long amountRefundedCents) {
        Order order = rows.lockByPaymentIntent(paymentIntent).orElse(null);
        if (order == null) {
            LOG.warnf("charge.refunded for unknown payment %s", paymentIntent);
            return;
        }
        order.providerRefunded(amountRefundedCents, ACTOR, "refunded in Stripe");
        rows.save(order);
    }
}
