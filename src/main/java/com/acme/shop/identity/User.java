package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Set while two-factor sign-in is on; written only by {@link IdentityRows}' guarded statements. */
    @Column(name = "totp_secret", insertable = false, updatable = false)
    public byte[] totpSecret;

    public boolean twoFactorEnabled() {
        return totpSecret != null;
    }

    public static Optional<User> findByEmail(String email) {
        return find("email", Emails.normalise(email)).firstResultOptional();
    }
}
