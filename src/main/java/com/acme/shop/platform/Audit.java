package com.acme.shop.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit trail of admin changes: who (from the request's token), what, when, and the state before and
 * after. Written in the caller's transaction, so an entry exists exactly when its change committed.
 */
@ApplicationScoped
public class Audit {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Instance<SecurityIdentity> identity;

    Audit(EntityManager em, ObjectMapper json, Instance<SecurityIdentity> identity) {
        this.em = em;
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
        em.createNativeQuery("""
                INSERT INTO admin_audit (id, actor_id, actor, action, entity_type, entity_id, before, after)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """).setParameter(1, UUID.randomUUID()).setParameter(2, actorId).setParameter(3, actor)
                .setParameter(4, action).setParameter(5, entityType)
                .setParameter(6, entityId == null ? null : entityId.toString())
                .setParameter(7, write(before)).setParameter(8, write(after)).executeUpdate();
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
