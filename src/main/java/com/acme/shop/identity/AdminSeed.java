package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.UUID;
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

    AdminSeed(IdentityConfig config, PasswordHasher hasher) {
        this.config = config;
        this.hasher = hasher;
    }

    @Transactional
    void seed(@Observes StartupEvent ignored) {
        if (config.admin().email().isEmpty() || config.admin().password().isEmpty()) {
            LOG.warn("ADMIN_EMAIL/ADMIN_PASSWORD not set: no admin account is seeded");
            return;
        }
        String email = Emails.normalise(config.admin().email().get());
        if (User.count("email", email) > 0) {
            return;
        }
        int inserted = User.getEntityManager().createNativeQuery("""
                INSERT INTO app_user (id, email, name, password_hash, role, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, 'admin', now(), now())
                ON CONFLICT (email) DO NOTHING
                """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, email)
                .setParameter(3, config.admin().name())
                .setParameter(4, hasher.hash(config.admin().password().get()))
                .executeUpdate();
        if (inserted == 1) {
            LOG.infof("Seeded the admin account %s", email);
        }
    }
}
