package com.acme.shop.notification;

import java.util.List;

/**
 * The emails this shop sends, each as the data its template needs. They are written into the outbox as JSON
 * when their cause commits, so a mail shows things as they were at that moment (an order's lines and totals).
 */
public final class MailMessages {

    private MailMessages() {
    }

    public record Line(String name, int quantity, String unitPrice, String lineTotal) {
    }

    public record OrderConfirmation(String number, List<Line> lines, String subtotal, String shipping, String tax,
            String total, String shipTo, String trackingUrl) {
    }

    public record OrderShipped(String number, String trackingNumber) {
    }

    public record PasswordReset(String name, String resetUrl) {
    }

    public record GuestInvite(String orderNumber, String inviteUrl) {
    }

    public static final String ORDER_CONFIRMATION = "order_confirmation";
    public static final String ORDER_SHIPPED = "order_shipped";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String GUEST_INVITE = "guest_invite";
}
