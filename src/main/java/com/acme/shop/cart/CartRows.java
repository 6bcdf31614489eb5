package com.acme.shop.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The cart feature's SQL: the {@code cart} and {@code cart_line} tables, rows read by column name. */
@ApplicationScoped
class CartRows {

    private final EntityManager em;

    CartRows(EntityManager em) {
        this.em = em;
    }

    /** A cart line as it is stored; prices and names are never stored in a cart. */
    record Line(UUID productId, int quantity, Instant addedAt) {
    }

    Optional<UUID> byUser(UUID userId) {
        return firstId(em.createNativeQuery("SELECT id FROM cart WHERE user_id = ?1", Tuple.class).setParameter(1, userId)
                .getResultList());
    }

    Optional<UUID> byTokenHash(byte[] tokenHash, boolean lock) {
        return firstId(em.createNativeQuery("SELECT id FROM cart WHERE token_hash = ?1" + (lock ? " FOR UPDATE" : ""),
                Tuple.class).setParameter(1, tokenHash).getResultList());
    }

    /** Concurrent first writes of one user create one cart: the unique key decides, nobody fails. */
    void insertUserCartIfAbsent(UUID userId) {
        em.createNativeQuery("INSERT INTO cart (id, user_id) VALUES (?1, ?2) ON CONFLICT (user_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, userId).executeUpdate();
    }

    void insertGuestCart(UUID id, byte[] tokenHash) {
        em.createNativeQuery("INSERT INTO cart (id, token_hash) VALUES (?1, ?2)")
                .setParameter(1, id).setParameter(2, tokenHash).executeUpdate();
    }

    /**
     * Every cart write starts here: it locks the cart row, so writes to one cart and a checkout of it happen one
     * after the other (a checkout never sees half a write, and the two can never deadlock).
     */
    @Transactional(TxType.MANDATORY)
    void lock(UUID cartId) {
        em.createNativeQuery("UPDATE cart SET updated_at = now() WHERE id = ?1").setParameter(1, cartId).executeUpdate();
    }

    /** Finds and {@link #lock}s the user's cart in one statement. */
    @Transactional(TxType.MANDATORY)
    Optional<UUID> lockByUser(UUID userId) {
        return firstId(em.createNativeQuery("UPDATE cart SET updated_at = now() WHERE user_id = ?1 RETURNING id",
                Tuple.class).setParameter(1, userId).getResultList());
    }

    /** Finds and {@link #lock}s a guest cart in one statement. */
    @Transactional(TxType.MANDATORY)
    Optional<UUID> lockByTokenHash(byte[] tokenHash) {
        return firstId(em.createNativeQuery("UPDATE cart SET updated_at = now() WHERE token_hash = ?1 RETURNING id",
                Tuple.class).setParameter(1, tokenHash).getResultList());
    }

    /** In the order they were added (a cart shows them so). */
    List<Line> lines(UUID cartId) {
        return lines("ORDER BY added_at, product_id", cartId);
    }

    /** In product-id order: the order checkout takes stock in, so that checkouts cannot deadlock. */
    List<Line> linesByProduct(UUID cartId) {
        return lines("ORDER BY product_id", cartId);
    }

    int quantity(UUID cartId, UUID productId) {
        List<Tuple> rows = em.createNativeQuery("SELECT quantity FROM cart_line WHERE cart_id = ?1 AND product_id = ?2",
                Tuple.class).setParameter(1, cartId).setParameter(2, productId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("quantity")).intValue();
    }

    /**
     * Adds units to a line (creating it) only if the line then holds at most {@code max}; false, and nothing
     * changed, otherwise. The caller holds the cart's lock.
     */
    @Transactional(TxType.MANDATORY)
    boolean addWithin(UUID cartId, UUID productId, int quantity, int max) {
        return !em.createNativeQuery("""
                INSERT INTO cart_line AS l (cart_id, product_id, quantity) SELECT ?1, ?2, ?3 WHERE ?3 <= ?4
                ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = l.quantity + excluded.quantity
                WHERE l.quantity + excluded.quantity <= ?4
                RETURNING 1
                """).setParameter(1, cartId).setParameter(2, productId).setParameter(3, quantity)
                .setParameter(4, max).getResultList().isEmpty();
    }

    /** Sets a line's quantity, creating the line if needed. */
    void upsertLine(UUID cartId, UUID productId, int quantity) {
        em.createNativeQuery("""
                INSERT INTO cart_line (cart_id, product_id, quantity) VALUES (?1, ?2, ?3)
                ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity
                """).setParameter(1, cartId).setParameter(2, productId).setParameter(3, quantity).executeUpdate();
    }

    /** As {@link #upsertLine}, keeping the time a merged guest line was first added for a new line. */
    void upsertLine(UUID cartId, UUID productId, int quantity, Instant addedAt) {
        em.createNativeQuery("""
                INSERT INTO cart_line (cart_id, product_id, quantity, added_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity
                """).setParameter(1, cartId).setParameter(2, productId).setParameter(3, quantity)
                .setParameter(4, addedAt).executeUpdate();
    }

    int deleteLine(UUID cartId, UUID productId) {
        return em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1 AND product_id = ?2")
                .setParameter(1, cartId).setParameter(2, productId).executeUpdate();
    }

    void deleteLines(UUID cartId) {
        em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1").setParameter(1, cartId).executeUpdate();
    }

    void deleteCart(UUID cartId) {
        em.createNativeQuery("DELETE FROM cart WHERE id = ?1").setParameter(1, cartId).executeUpdate();
    }

    /** One batch of idle guest carts; SKIP LOCKED never waits on a cart someone is using. */
    int deleteIdleGuestCarts(Instant idleSince, int batch) {
        return em.createNativeQuery("""
                DELETE FROM cart WHERE id IN (
                    SELECT id FROM cart WHERE user_id IS NULL AND updated_at < ?1
                    ORDER BY updated_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, idleSince).setParameter(2, batch).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Line> lines(String orderBy, UUID cartId) {
        List<Tuple> rows = em.createNativeQuery("SELECT product_id, quantity, added_at FROM cart_line WHERE cart_id = ?1 "
                + orderBy, Tuple.class).setParameter(1, cartId).getResultList();
        return rows.stream().map(r -> new Line(r.get("product_id", UUID.class), ((Number) r.get("quantity")).intValue(),
                instant(r.get("added_at")))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    @SuppressWarnings("unchecked")
    private static Optional<UUID> firstId(List<?> rows) {
        return ((List<Tuple>) rows).stream().findFirst().map(r -> r.get("id", UUID.class));
    }
}
