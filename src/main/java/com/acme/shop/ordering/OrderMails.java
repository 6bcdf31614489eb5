package com.acme.shop.ordering;

import com.acme.shop.identity.GuestInvites;
import com.acme.shop.notification.MailMessages;
import com.acme.shop.notification.Mails;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.ordering.dto.ShippingAddressDto;
import com.acme.shop.platform.Money;
import com.acme.shop.platform.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The mails an order sends, and what they say. Each is queued in the transaction of the change that causes it
 * (see {@link com.acme.shop.notification.Outbox}), so it goes out if and only if that change commits.
 */
@ApplicationScoped
public class OrderMails {

    private final Mails mails;
    private final GuestInvites invites;
    private final PublicUrls urls;

    OrderMails(Mails mails, GuestInvites invites, PublicUrls urls) {
        this.mails = mails;
        this.invites = invites;
        this.urls = urls;
    }

    /** The dedupe key of an order's confirmation mail (held for Stripe orders until they are paid). */
    static String confirmationKey(UUID orderId) {
        return "order_confirmation:" + orderId;
    }

    /**
     * At checkout: the confirmation (with the tracking link for a guest: only now is its token known), held until
     * the payment arrives when the shopper pays online; and, for a guest, the invite to register, once per address.
     */
    @Transactional(TxType.MANDATORY)
    public void placed(OrderDto order, String guestTrackingToken, boolean heldForPayment) {
        boolean guest = guestTrackingToken != null;
        mails.orderConfirmation(order.email(), confirmation(order,
                guest ? urls.to("/orders/track/" + guestTrackingToken) : null),
                confirmationKey(order.id()), heldForPayment);
        if (guest) {
            invites.issue(order.email()).ifPresent(token -> mails.guestInvite(order.email(),
                    new MailMessages.GuestInvite(order.number(), urls.to("/register?invite=" + token))));
        }
    }

    /** A payment that came after the order was cancelled and took its stock back: the held mail was discarded. */
    @Transactional(TxType.MANDATORY)
    public void paidLate(OrderDto order) {
        mails.orderConfirmation(order.email(), confirmation(order, null), confirmationKey(order.id()), false);
    }

    @Transactional(TxType.MANDATORY)
    public void shipped(Order order) {
        mails.orderShipped(order.email, new MailMessages.OrderShipped(order.number, order.trackingNumber),
                "order_shipped:" + order.id);
    }

    static MailMessages.OrderConfirmation confirmation(OrderDto order, String trackingUrl) {
        String currency = order.currency();
        ShippingAddressDto a = order.shippingAddress();
        return new MailMessages.OrderConfirmation(order.number(), order.items().stream()
                .map(i -> new MailMessages.Line(i.name(), i.quantity(), Money.format(i.unitPriceCents(), currency),
                        Money.format(i.lineTotalCents(), currency))).toList(),
                Money.format(order.subtotalCents(), currency), Money.format(order.shippingCents(), currency),
                Money.format(order.taxCents(), currency), Money.format(order.totalCents(), currency),
                String.join(", ", Stream.of(a.fullName(), a.line1(), a.line2(), a.postalCode() + " " + a.city(),
                        a.region(), a.country()).filter(p -> p != null && !p.isBlank()).toList()),
                trackingUrl);
    }
}
