package com.acme.shop.notification;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

/**
 * Type-safe templates (HTML and text variants under {@code templates/mails/}); an expression that does not fit
 * its data fails the build.
 */
@CheckedTemplate(basePath = "mails")
class MailTemplates {

    static native MailTemplate.MailTemplateInstance orderConfirmation(MailMessages.OrderConfirmation mail);

    static native MailTemplate.MailTemplateInstance orderShipped(MailMessages.OrderShipped mail);

    static native MailTemplate.MailTemplateInstance passwordReset(MailMessages.PasswordReset mail);

    static native MailTemplate.MailTemplateInstance guestInvite(MailMessages.GuestInvite mail);
}
