package com.acme.shop.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit trail of admin changes: who (from the request's token), what, when, and the state before and
 * after. Written in the caller's transaction, so an entry exists exactly when its change committed.
 */
@ApplicationScoped
public class Audit {

    private final Sql sql;
    private final ObjectMapper json;
    private final Instance<SecurityIdentity> identity;

    Audit(Sql sql, ObjectMapper json, Instance<SecurityIdentity> identity) {
        this.sql = sql;
        this.json = json;
        this.identity = identity;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        UUID actorId = null;
        String actor = "system";
        try {
            SecurityIdentity current = identity.get();
            if (!current.isAnonymous() && current.getPrincipal() instanceof JsonWebToken jwt) {
                actorId = UUID.fromString(jwt.getSubject());
                actor = jwt.getName();
            }
        } catch (RuntimeException outsideARequest) {
            // scheduled jobs and webhooks act as "system"
        }
        sql.update("""
                INSERT INTO admin_audit (id, actor_id, actor, action, entity_type, entity_id, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID(), actorId, actor, action, entityType,
                entityId == null ? null : entityId.toString(), write(before), write(after));
    }

    /** The acting admin as it appears in histories: {@code admin:<email>}, or {@code system}. */
    public String actorLabel() {
        try {
            SecurityIdentity current = identity.get();
            if (!current.isAnonymous()) {
                return "admin:" + current.getPrincipal().getName();
            }
        } catch (RuntimeException outsideARequest) {
            // fall through
        }
        return "system";
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
