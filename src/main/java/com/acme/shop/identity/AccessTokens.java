package com.acme.shop.identity;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Short-lived RS256 access tokens (SmallRye JWT), signed with {@code smallrye.jwt.sign.key.location}. */
@ApplicationScoped
public class AccessTokens {

    private final String issuer;
    private final IdentityConfig config;

    AccessTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer, IdentityConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    /** Claim naming the session (the refresh-token family) the token was issued in. */
    public static final String SESSION_CLAIM = "sid";

    public String issue(User user, UUID sessionId) {
        return Jwt.issuer(issuer)
                .subject(user.id.toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .upn(user.email)
                .groups(Set.of(user.role.value()))
                .claim("name", user.name)
                .expiresIn(config.accessTokenTtl())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
    }

    public long ttlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
