package com.acme.shop.cart;

import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The cart feature's SQL: the {@code cart} and {@code cart_line} tables, over plain JDBC ({@link Sql}). */
@ApplicationScoped
class CartRows {

    private final Sql sql;

    CartRows(Sql sql) {
        this.sql = sql;
    }

    /** A cart line as it is stored (one per variant); prices and names are never stored in a cart. */
    record Line(UUID productId, UUID variantId, int quantity, Instant addedAt) {
    }

    /** A cart as its lookups and locks answer it: its id, and the code applied to it (null when none). */
    record Ref(UUID id, String promotionCode) {
    }

    Optional<Ref> byUser(UUID userId) {
        return sql.first("SELECT id, promotion_code FROM cart WHERE user_id = ?", CartRows::ref, userId);
    }

    Optional<Ref> byTokenHash(byte[] tokenHash, boolean lock) {
        return sql.first("SELECT id, promotion_code FROM cart WHERE token_hash = ?" + (lock ? " FOR UPDATE" : ""),
                CartRows::ref, (Object) tokenHash);
    }

    /** Concurrent first writes of one user create one cart: the unique key decides, nobody fails. */
    void insertUserCartIfAbsent(UUID userId) {
        sql.update("INSERT INTO cart (id, user_id) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING", UUID.randomUUID(),
                userId);
    }

    void insertGuestCart(UUID id, byte[] tokenHash) {
        sql.update("INSERT INTO cart (id, token_hash) VALUES (?, ?)", id, tokenHash);
    }

    /**
     * Every cart write starts here: it locks the cart row, so writes to one cart and a checkout of it happen one
     * after the other (a checkout never sees half a write, and the two can never deadlock).
     */
    @Transactional(TxType.MANDATORY)
    Ref lock(UUID cartId) {
        // Only for a cart this transaction created or holds on to (a user's): nothing deletes it under the caller.
        return sql.first("UPDATE cart SET updated_at = now() WHERE id = ? RETURNING id, promotion_code", CartRows::ref,
                cartId).orElseThrow(() -> new IllegalStateException("cart " + cartId + " is gone"));
    }

    /** Finds and {@link #lock}s the user's cart in one statement. */
    @Transactional(TxType.MANDATORY)
    Optional<Ref> lockByUser(UUID userId) {
        return sql.first("UPDATE cart SET updated_at = now() WHERE user_id = ? RETURNING id, promotion_code",
                CartRows::ref, userId);
    }

    /** Finds and {@link #lock}s a guest cart in one statement. */
    @Transactional(TxType.MANDATORY)
    Optional<Ref> lockByTokenHash(byte[] tokenHash) {
        return sql.first("UPDATE cart SET updated_at = now() WHERE token_hash = ? RETURNING id, promotion_code",
                CartRows::ref, (Object) tokenHash);
    }

    /** In the order they were added (a cart shows them so). */
    List<Line> lines(UUID cartId) {
        return lines("ORDER BY added_at, variant_id", cartId);
    }

    /** In variant-id order: the order checkout takes stock in, so that checkouts cannot deadlock. */
    List<Line> linesByVariant(UUID cartId) {
        return lines("ORDER BY variant_id", cartId);
    }

    int quantity(UUID cartId, UUID variantId) {
        return sql.first("SELECT quantity FROM cart_line WHERE cart_id = ? AND variant_id = ?", rs -> rs.getInt(1),
                cartId, variantId).orElse(0);
    }

    /**
     * Adds units to a line (creating it) only if the line then holds at most {@code max}; false, and nothing
     * changed, otherwise. The caller holds the cart's lock.
     */
    @Transactional(TxType.MANDATORY)
    boolean addWithin(UUID cartId, UUID productId, UUID variantId, int quantity, int max) {
        return !sql.list("""
                INSERT INTO cart_line AS l (cart_id, product_id, variant_id, quantity) SELECT ?, ?, ?, ? WHERE ? <= ?
                ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = l.quantity + excluded.quantity
                WHERE l.quantity + excluded.quantity <= ?
                RETURNING 1
                """, rs -> 1, cartId, productId, variantId, quantity, quantity, max, max).isEmpty();
    }

    /** Sets a line's quantity, creating the line if needed. */
    void upsertLine(UUID cartId, UUID productId, UUID variantId, int quantity) {
        sql.update("""
                INSERT INTO cart_line (cart_id, product_id, variant_id, quantity) VALUES (?, ?, ?, ?)
                ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity
                """, cartId, productId, variantId, quantity);
    }

    /** As {@link #upsertLine}, keeping the time a merged guest line was first added for a new line. */
    void upsertLine(UUID cartId, UUID productId, UUID variantId, int quantity, Instant addedAt) {
        sql.update("""
                INSERT INTO cart_line (cart_id, product_id, variant_id, quantity, added_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity
                """, cartId, productId, variantId, quantity, addedAt);
    }

    int deleteLine(UUID cartId, UUID variantId) {
        return sql.update("DELETE FROM cart_line WHERE cart_id = ? AND variant_id = ?", cartId, variantId);
    }

    void deleteLines(UUID cartId) {
        sql.update("DELETE FROM cart_line WHERE cart_id = ?", cartId);
    }

    /** The code the shopper applied, as the promotion spells it; null when none. The caller holds the cart's lock. */
    void setPromotionCode(UUID cartId, String code) {
        sql.update("UPDATE cart SET promotion_code = ? WHERE id = ?", code, cartId);
    }

    void deleteCart(UUID cartId) {
        sql.update("DELETE FROM cart WHERE id = ?", cartId);
    }

    /** One batch of idle guest carts; SKIP LOCKED never waits on a cart someone is using. */
    int deleteIdleGuestCarts(Instant idleSince, int batch) {
        return sql.update("""
                DELETE FROM cart WHERE id IN (
                    SELECT id FROM cart WHERE user_id IS NULL AND updated_at < ?
                    ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)
                """, idleSince, batch);
    }

    private List<Line> lines(String orderBy, UUID cartId) {
        return sql.list("SELECT product_id, variant_id, quantity, added_at FROM cart_line WHERE cart_id = ? " + orderBy,
                rs -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        Sql.instant(rs, "added_at")), cartId);
    }

    private static Ref ref(ResultSet rs) throws SQLException {
        return new Ref(rs.getObject(1, UUID.class), rs.getString(2));
    }
}
