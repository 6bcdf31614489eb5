package com.acme.shop.promotion;

import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The promotion feature's SQL: its four tables, over plain JDBC ({@link Sql}). */
@ApplicationScoped
class PromotionRows {

    /**
     * A promotion as the API shows it. {@code used_count} counts uses only while the promotion has a usage limit (a
     * checkout of a code without one writes no counter, so a code every shopper uses is no hot row); without a limit
     * the uses shown are the held redemptions.
     */
    private static final String COLUMNS = "id, code, type, value, min_subtotal_cents, starts_at, ends_at, usage_limit, "
            + "per_customer_limit, CASE WHEN usage_limit IS NULL THEN (SELECT count(*) FROM promotion_redemption r "
            + "WHERE r.promotion_id = promotion.id AND r.state = 'held') ELSE used_count END AS used_count, active, created_at, "
            + "ARRAY(SELECT category_id FROM promotion_category c WHERE c.promotion_id = promotion.id ORDER BY category_id) AS categories";

    private final Sql sql;

    PromotionRows(Sql sql) {
        this.sql = sql;
    }

    record Promotion(UUID id, String code, String type, long value, long minSubtotalCents, Instant startsAt,
            Instant endsAt, Integer usageLimit, Integer perCustomerLimit, int usedCount, boolean active,
            Instant createdAt, List<UUID> categoryIds) {
    }

    Optional<Promotion> find(UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM promotion WHERE id = ?", PromotionRows::promotion, id);
    }

    Optional<Promotion> lockForUpdate(UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM promotion WHERE id = ? FOR UPDATE", PromotionRows::promotion, id);
    }

    Optional<Promotion> byCode(String code) {
        return sql.first("SELECT " + COLUMNS + " FROM promotion WHERE lower(code) = lower(?)", PromotionRows::promotion,
                code);
    }

    List<Promotion> list(String q, Boolean active, int limit, int offset) {
        return sql.list("SELECT " + COLUMNS + " FROM promotion WHERE " + where()
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", PromotionRows::promotion,
                q, q, active, active, limit, offset);
    }

    long count(String q, Boolean active) {
        return sql.first("SELECT count(*) FROM promotion WHERE " + where(), rs -> rs.getLong(1), q, q, active, active)
                .orElse(0L);
    }

    /** {@code q}: a LIKE pattern on the code, already escaped; null matches all. */
    private static String where() {
        return "(?::text IS NULL OR code ILIKE ? ESCAPE '\\') AND (?::boolean IS NULL OR active = ?)";
    }

    /** False when the code (case-insensitively) is another promotion's: nothing written. */
    @Transactional(TxType.MANDATORY)
    boolean insert(UUID id, String code, String type, long value, long minSubtotalCents, Instant startsAt, Instant endsAt,
            Integer usageLimit, Integer perCustomerLimit, boolean active) {
        return sql.update("""
                INSERT INTO promotion (id, code, type, value, min_subtotal_cents, starts_at, ends_at, usage_limit,
                    per_customer_limit, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lower(code)) DO NOTHING
                """, id, code, type, value, minSubtotalCents, startsAt, endsAt, usageLimit, perCustomerLimit, active) == 1;
    }

    /** {@code usedCount}: the counter to start from when a limit is set on a code that had none; null keeps it. */
    @Transactional(TxType.MANDATORY)
    void update(Promotion p, Integer usedCount) {
        sql.update("""
                UPDATE promotion SET code = ?, type = ?, value = ?, min_subtotal_cents = ?, starts_at = ?, ends_at = ?,
                    usage_limit = ?, per_customer_limit = ?, active = ?, used_count = coalesce(?, used_count),
                    updated_at = now() WHERE id = ?
                """, p.code(), p.type(), p.value(), p.minSubtotalCents(), p.startsAt(), p.endsAt(), p.usageLimit(),
                p.perCustomerLimit(), p.active(), usedCount, p.id());
    }

    /** The uses held now (run after locking the promotion, so no checkout of it is in flight). */
    @Transactional(TxType.MANDATORY)
    int heldCount(UUID id) {
        return sql.first("SELECT count(*) FROM promotion_redemption WHERE promotion_id = ? AND state = 'held'",
                rs -> rs.getInt(1), id).orElse(0);
    }

    @Transactional(TxType.MANDATORY)
    void setCategories(UUID id, Collection<UUID> categoryIds) {
        sql.update("DELETE FROM promotion_category WHERE promotion_id = ?", id);
        if (!categoryIds.isEmpty()) {
            sql.update("INSERT INTO promotion_category (promotion_id, category_id) SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING",
                    id, categoryIds.stream().map(UUID::toString).toArray(String[]::new));
        }
    }

    @Transactional(TxType.MANDATORY)
    int deactivate(UUID id) {
        return sql.update("UPDATE promotion SET active = false, updated_at = now() WHERE id = ?", id);
    }

    // --- redemption ------------------------------------------------------------------------------------

    /** Advisory lock keys of a promotion's uses: 'PROM', and the promotion. */
    private static final String USES_LOCK = "1347571533, hashtext(?::text)";

    /**
     * The promotion's uses are being changed by this transaction (shared with other checkouts and cancels), or its
     * counting is (exclusive: an admin setting a limit). A lock in the lock manager, not on the promotion's row, so
     * that checkouts sharing it write nothing to that row.
     */
    @Transactional(TxType.MANDATORY)
    void lockUses(UUID id, boolean exclusive) {
        sql.list("SELECT 1 FROM (SELECT " + (exclusive ? "pg_advisory_xact_lock(" : "pg_advisory_xact_lock_shared(")
                + USES_LOCK + ")) locked", rs -> 1, id);
    }

    /**
     * A use taken, with the promotion's per-customer limit as it stands once the use is (null: none). An admin's
     * change of that limit is committed before the use is taken or waits for the caller's commit, so the caller counts
     * the customer's use exactly when the limit its transaction sees is set.
     */
    record Use(Integer perCustomerLimit) {
    }

    /**
     * The order's redemption of a promotion that is active and has no usage limit, held: no counter is written, so
     * concurrent checkouts of the code never queue on its row. The uses lock is taken first, shared, in a statement of
     * its own: an admin setting a limit holds it exclusively while counting, and the insert (a later snapshot) then
     * sees the limit and answers empty, nothing written, and the caller counts the use with {@link #takeUse}.
     */
    @Transactional(TxType.MANDATORY)
    Optional<Use> takeUnlimitedUse(UUID orderId, UUID id, String customerKey, long discountCents) {
        lockUses(id, false);
        return sql.first("""
                INSERT INTO promotion_redemption AS r (order_id, promotion_id, customer_key, discount_cents)
                SELECT ?, id, ?, ? FROM promotion WHERE id = ? AND active AND usage_limit IS NULL
                RETURNING (SELECT per_customer_limit FROM promotion WHERE id = r.promotion_id)
                """, rs -> new Use((Integer) rs.getObject(1)), orderId, customerKey, discountCents, id);
    }

    /**
     * One use more, only if the promotion is active and below its limit, and the order's redemption, held: one
     * statement (one round trip while the promotion's row is locked). Empty, nothing written, when it is not.
     */
    @Transactional(TxType.MANDATORY)
    Optional<Use> takeUse(UUID orderId, UUID id, String customerKey, long discountCents) {
        return sql.first("""
                WITH used AS (
                    UPDATE promotion SET used_count = used_count + 1
                    WHERE id = ? AND active AND (usage_limit IS NULL OR used_count < usage_limit)
                    RETURNING id, per_customer_limit),
                taken AS (
                    INSERT INTO promotion_redemption (order_id, promotion_id, customer_key, discount_cents)
                    SELECT ?, id, ?, ? FROM used RETURNING promotion_id)
                SELECT used.per_customer_limit FROM used JOIN taken ON taken.promotion_id = used.id
                """, rs -> new Use((Integer) rs.getObject(1)), id, orderId, customerKey, discountCents);
    }

    /** One use more for this customer, only within {@code limit}; concurrent takes queue on the row (or its key). */
    @Transactional(TxType.MANDATORY)
    boolean takeCustomerUse(UUID id, String customerKey, int limit) {
        return !sql.list("""
                INSERT INTO promotion_customer_use AS u (promotion_id, customer_key, used) VALUES (?, ?, 1)
                ON CONFLICT (promotion_id, customer_key) DO UPDATE SET used = u.used + 1 WHERE u.used < ?
                RETURNING 1
                """, rs -> 1, id, customerKey, limit).isEmpty();
    }

    /**
     * Each customer's uses counted afresh from the held redemptions. A code without a per-customer limit keeps no
     * such counts, so setting one runs this, under both locks of an update (no use is in flight), and each customer
     * starts from the uses they hold rather than from none.
     */
    @Transactional(TxType.MANDATORY)
    void recountCustomerUses(UUID id) {
        sql.update("DELETE FROM promotion_customer_use WHERE promotion_id = ?", id);
        sql.update("""
                INSERT INTO promotion_customer_use (promotion_id, customer_key, used)
                SELECT promotion_id, customer_key, count(*) FROM promotion_redemption
                WHERE promotion_id = ? AND state = 'held' GROUP BY promotion_id, customer_key
                """, id);
    }

    /** held -> released, once; the released redemption's promotion and customer, if this call released it. */
    @Transactional(TxType.MANDATORY)
    Optional<Released> release(UUID orderId) {
        return sql.first("""
                UPDATE promotion_redemption SET state = 'released', released_at = now()
                WHERE order_id = ? AND state = 'held' RETURNING promotion_id, customer_key
                """, rs -> new Released(rs.getObject(1, UUID.class), rs.getString(2)), orderId);
    }

    record Released(UUID promotionId, String customerKey) {
    }

    /** The order's released redemption, locked; empty when it has none (no code, or its use is held). */
    @Transactional(TxType.MANDATORY)
    Optional<Released> lockReleased(UUID orderId) {
        return sql.first("""
                SELECT promotion_id, customer_key FROM promotion_redemption
                WHERE order_id = ? AND state = 'released' FOR UPDATE
                """, rs -> new Released(rs.getObject(1, UUID.class), rs.getString(2)), orderId);
    }

    /**
     * Takes a released use back: true, and the redemption held again with its uses counted, when the promotion's
     * usage limit and the customer's still allow one more (active or not: the order was placed while it was);
     * false, nothing written, otherwise. The uses are counted as a checkout counts them ({@link Promotions#redeem}),
     * the promotion's row locked first and then the customer's.
     */
    @Transactional(TxType.MANDATORY)
    boolean retake(UUID orderId, Released released) {
        Limits limits = shareLimits(released.promotionId());
        if (limits.usageLimit() != null && sql.update("""
                UPDATE promotion SET used_count = used_count + 1 WHERE id = ? AND used_count < usage_limit
                """, released.promotionId()) == 0) {
            return false;
        }
        if (limits.perCustomerLimit() != null
                && !takeCustomerUse(released.promotionId(), released.customerKey(), limits.perCustomerLimit())) {
            if (limits.usageLimit() != null) {
                sql.update("UPDATE promotion SET used_count = used_count - 1 WHERE id = ?", released.promotionId());
            }
            return false;
        }
        sql.update("UPDATE promotion_redemption SET state = 'held', released_at = NULL WHERE order_id = ?", orderId);
        return true;
    }

    /** A released use's counts given back: the promotion's counter if it has a limit, and the customer's. */
    @Transactional(TxType.MANDATORY)
    void giveBack(Released released) {
        if (shareLimits(released.promotionId()).usageLimit() != null) {
            sql.update("UPDATE promotion SET used_count = used_count - 1 WHERE id = ? AND used_count > 0",
                    released.promotionId());
        }
        sql.update("UPDATE promotion_customer_use SET used = used - 1 WHERE promotion_id = ? AND customer_key = ? AND used > 0",
                released.promotionId(), released.customerKey());
    }

    record Limits(Integer usageLimit, Integer perCustomerLimit) {
    }

    /**
     * The promotion's limits, read once the uses lock is held (shared): they cannot change until the caller commits
     * (an admin's update waits for it), so whether a counter is kept is decided once for the transaction.
     */
    private Limits shareLimits(UUID id) {
        lockUses(id, false);
        return sql.first("SELECT usage_limit, per_customer_limit FROM promotion WHERE id = ?",
                rs -> new Limits((Integer) rs.getObject(1), (Integer) rs.getObject(2)), id).orElseThrow();
    }

    private static Promotion promotion(ResultSet rs) throws SQLException {
        Array categories = rs.getArray("categories");
        List<UUID> ids = new ArrayList<>();
        for (Object o : (Object[]) categories.getArray()) {
            ids.add((UUID) o);
        }
        return new Promotion(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("type"),
                rs.getLong("value"), rs.getLong("min_subtotal_cents"), Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"), (Integer) rs.getObject("usage_limit"),
                (Integer) rs.getObject("per_customer_limit"), rs.getInt("used_count"), rs.getBoolean("active"),
                Sql.instant(rs, "created_at"), List.copyOf(ids));
    }
}
