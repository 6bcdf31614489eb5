package com.acme.shop.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Queues the shop's emails in the caller's transaction (see {@link Outbox}). */
@ApplicationScoped
public class Mails {

    private final Outbox outbox;
    private final ObjectMapper json;

    Mails(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** Sent now ({@code held=false}) or when the payment arrives ({@link Outbox#release}). */
    public void orderConfirmation(String to, MailMessages.OrderConfirmation mail, String dedupeKey, boolean held) {
        if (held) {
            outbox.hold(MailMessages.ORDER_CONFIRMATION, to, write(mail), dedupeKey);
        } else {
            outbox.enqueue(MailMessages.ORDER_CONFIRMATION, to, write(mail), dedupeKey);
        }
    }

    public void orderShipped(String to, MailMessages.OrderShipped mail, String dedupeKey) {
        outbox.enqueue(MailMessages.ORDER_SHIPPED, to, write(mail), dedupeKey);
    }

    public void passwordReset(String to, MailMessages.PasswordReset mail) {
        outbox.enqueue(MailMessages.PASSWORD_RESET, to, write(mail), null);
    }

    /** Once per address: the dedupe key is the address. */
    public void guestInvite(String to, MailMessages.GuestInvite mail) {
        outbox.enqueue(MailMessages.GUEST_INVITE, to, write(mail), "guest_invite:" + to);
    }

    private String write(Object mail) {
        try {
            return json.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
