package com.acme.shop.notification;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * (Registered for reflection: Jackson writes and reads these in the outbox, outside any REST signature.)
 *
 * The emails this shop sends, each as the data its template needs. They are written into the outbox as JSON
 * when their cause commits, so a mail shows things as they were at that moment (an order's lines and totals).
 */
public final class MailMessages {

    private MailMessages() {
    }

    @RegisterForReflection
    public record Line(String name, int quantity, String unitPrice, String lineTotal) {
    }

    @RegisterForReflection
    public record OrderConfirmation(String number, List<Line> lines, String subtotal, String shipping, String tax,
            String total, String shipTo, String trackingUrl) {
    }

    @RegisterForReflection
    public record OrderShipped(String number, String trackingNumber) {
    }

    @RegisterForReflection
    public record PasswordReset(String name, String resetUrl) {
    }

    @RegisterForReflection
    public record GuestInvite(String orderNumber, String inviteUrl) {
    }

    public static final String ORDER_CONFIRMATION = "order_confirmation";
    public static final String ORDER_SHIPPED = "order_shipped";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String GUEST_INVITE = "guest_invite";
}
