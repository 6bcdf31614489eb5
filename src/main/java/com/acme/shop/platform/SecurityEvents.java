package com.acme.shop.platform;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The security event trail: one structured log line per event (the JSON console log carries {@code event} and
 * the details as fields, through the MDC) and one Prometheus counter, {@code shop_security_events_total{event}}.
 * Details never hold secrets: no passwords, tokens or codes; an email or an address at most.
 */
@ApplicationScoped
public class SecurityEvents {

    /** The events the contract names; the counter's {@code event} tag takes these values only. */
    public enum Event {
        LOGIN_FAILED("login_failed"),
        LOGIN_THROTTLED("login_throttled"),
        MFA_FAILED("mfa_failed"),
        REFRESH_TOKEN_REUSE("refresh_token_reuse"),
        SESSION_EXPIRED("session_expired"),
        WEBHOOK_BAD_SIGNATURE("webhook_bad_signature"),
        PAID_EVENT_REJECTED("paid_event_rejected"),
        PASSWORD_RESET("password_reset"),
        PASSWORD_CHANGED("password_changed"),
        TOTP_ENABLED("totp_enabled"),
        TOTP_RESET("totp_reset"),
        LOOKUP_THROTTLED("lookup_throttled"),
        PROMOTION_THROTTLED("promotion_throttled");

        public final String tag;

        Event(String tag) {
            this.tag = tag;
        }
    }

    private static final Logger LOG = Logger.getLogger("com.acme.shop.security");

    private final MeterRegistry meters;

    SecurityEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Records one event; {@code details} alternate keys and values ({@code "email", email, "reason", "x"}). */
    public void record(Event event, Object... details) {
        meters.counter("shop.security.events", "event", event.tag).increment();
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            fields.put(String.valueOf(details[i]), String.valueOf(details[i + 1]));
        }
        MDC.put("event", event.tag);
        fields.forEach(MDC::put);
        try {
            LOG.warnf("security event %s %s", event.tag, fields);
        } finally {
            MDC.remove("event");
            fields.keySet().forEach(MDC::remove);
        }
    }
}
