package com.acme.shop.ordering;

import com.acme.shop.notification.Mails;
import com.acme.shop.notification.Outbox;
import com.acme.shop.payment.PaymentOutcomes;
import com.acme.shop.payment.PaymentRefunds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** How payment events move orders; runs in the webhook's transaction, on a locked order. */
@ApplicationScoped
public class OrderPaymentOutcomes implements PaymentOutcomes {

    static final String ACTOR = "stripe";
    private static final Logger LOG = Logger.getLogger(OrderPaymentOutcomes.class);

    private final EntityManager em;
    private final OrderService orders;
    private final Outbox outbox;
    private final PaymentRefunds refunds;
    private final Mails mails;

    OrderPaymentOutcomes(EntityManager em, OrderService orders, Outbox outbox, PaymentRefunds refunds, Mails mails) {
        this.mails = mails;
        this.em = em;
        this.orders = orders;
        this.outbox = outbox;
        this.refunds = refunds;
    }

    @Override
    public void paid(UUID orderId, String paymentIntent) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            LOG.warnf("Payment for unknown order %s", orderId);
            return;
        }
        if (order.paymentIntent == null) {
            order.paymentIntent = paymentIntent;
        }
        switch (order.status) {
            case PENDING_PAYMENT -> {
                order.transitionTo(OrderStatus.PAID, ACTOR, null);
                order.paymentStatus = "paid";
                outbox.release(OrderService.confirmationKey(order.id));
            }
            case CANCELLED -> settleLatePayment(order);
            default -> LOG.debugf("Order %s is already %s; payment noted", orderId, order.status);
        }
    }

    /**
     * The session expired (and the sweep cancelled the order) but the shopper paid anyway. If every line's
     * stock is still there it is taken back and the order is PAID; otherwise the payment is refunded through
     * Stripe and the order is REFUNDED. Products are locked in id order, as checkout does.
     */
    private void settleLatePayment(Order order) {
        List<OrderLine> lines = OrderLine.<OrderLine>list("orderId = ?1 order by productId", order.id);
        boolean available = true;
        for (OrderLine line : lines) {
            Number stock = (Number) em.createNativeQuery("SELECT stock FROM product WHERE id = ?1 FOR UPDATE")
                    .setParameter(1, line.productId).getSingleResult();
            available &= stock.intValue() >= line.quantity;
        }
        if (available) {
            for (OrderLine line : lines) {
                em.createNativeQuery("UPDATE product SET stock = stock - ?2 WHERE id = ?1")
                        .setParameter(1, line.productId).setParameter(2, line.quantity).executeUpdate();
            }
            order.settleLatePayment(true, ACTOR);
            order.paymentStatus = "paid";
            // The held confirmation was discarded at cancellation; the tracking link went with it.
            mails.orderConfirmation(order.email, CheckoutService.confirmationMail(orders.dto(order), null),
                    OrderService.confirmationKey(order.id), false);
            return;
        }
        long amount = order.totalCents - order.refundedCents;
        PaymentRefunds.Result result = refunds.refund(order.paymentProvider, order.paymentIntent, amount,
                "late-payment-refund-" + order.id);
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = order.id;
        refund.amountCents = amount;
        refund.status = result.status();
        refund.reason = "paid after cancellation; stock no longer available";
        refund.providerReference = result.reference();
        refund.actor = ACTOR;
        refund.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        refund.persist();
        order.refundedCents = order.totalCents;
        order.settleLatePayment(false, ACTOR);
        order.paymentStatus = "refunded";
    }

    @Override
    public void abandoned(UUID orderId, String reason) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.status != OrderStatus.PENDING_PAYMENT) {
            // Paid, already cancelled (the sweep got there first) or unknown: nothing to undo.
            return;
        }
        orders.abandonPayment(order, ACTOR, reason);
    }

    @Override
    public void refunded(String paymentIntent, long amountRefundedCents) {
        List<Order> found = em.createQuery("select o from Order o where o.paymentIntent = :pi", Order.class)
                .setParameter("pi", paymentIntent).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty()) {
            LOG.warnf("charge.refunded for unknown payment %s", paymentIntent);
            return;
        }
        Order order = found.get(0);
        // Refunds made here were already counted (and recorded) when they were made: only what Stripe refunded
        // beyond them, e.g. from its dashboard, is new. Never counted twice.
        long refunded = Math.min(order.totalCents, Math.max(order.refundedCents, amountRefundedCents));
        if (refunded > order.refundedCents) {
            Refund refund = new Refund();
            refund.id = UUID.randomUUID();
            refund.orderId = order.id;
            refund.amountCents = refunded - order.refundedCents;
            refund.status = "succeeded";
            refund.reason = "refunded in Stripe";
            refund.actor = ACTOR;
            refund.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            refund.persist();
            order.refundedCents = refunded;
            order.updatedAt = refund.createdAt;
        }
        if (refunded >= order.totalCents && order.status.canMoveTo(OrderStatus.REFUNDED)) {
            order.transitionTo(OrderStatus.REFUNDED, ACTOR, "refunded in Stripe");
            order.paymentStatus = "refunded";
        } else if (refunded > 0 && order.status != OrderStatus.REFUNDED) {
            order.paymentStatus = "partially_refunded";
        }
    }
}
