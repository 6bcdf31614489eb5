package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Seeds the admin from {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} when no account has that email. Several
 * instances may start at once: the insert is conditional on the unique email, so exactly one wins.
 */
@ApplicationScoped
public class AdminSeed {

    private static final Logger LOG = Logger.getLogger(AdminSeed.class);

    private final IdentityConfig config;
    private final PasswordHasher hasher;
    private final IdentityRows rows;

    AdminSeed(IdentityConfig config, PasswordHasher hasher, IdentityRows rows) {
        this.config = config;
        this.hasher = hasher;
        this.rows = rows;
    }

    @Transactional
    void seed(@Observes StartupEvent ignored) {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()) {
            LOG.warn("ADMIN_EMAIL/ADMIN_PASSWORD not set: no admin account is seeded");
            return;
        }
        String email = Emails.normalise(config.admin().email().get());
        if (rows.accountExists(email)) {
            return;
        }
        boolean inserted = rows.insertAdminIfAbsent(email, config.admin().name(),
                hasher.hash(config.admin().password().get()));
        if (inserted) {
            LOG.infof("Seeded the admin account %s", email);
        }
    }
}
