package com.acme.shop.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "shop.mail")
public interface MailConfig {

    /** Attempts before a mail is given up as dead (counted in metrics). */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; each further attempt doubles it, up to an hour. */
    @WithDefault("30s")
    Duration retryBase();

    /** How long a claimed mail is reserved for its sender before another instance may take it over. */
    @WithDefault("5m")
    Duration lease();

    @WithDefault("20")
    int batchSize();

    /**
     * How long after it was queued a mail that failed for good keeps its payload (which may hold a password-reset or
     * invite link); then the payload is cleared. {@code SHOP_MAIL_DEAD_RETENTION}.
     */
    @WithDefault("24h")
    Duration deadRetention();
}
