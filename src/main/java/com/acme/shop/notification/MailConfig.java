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
}
