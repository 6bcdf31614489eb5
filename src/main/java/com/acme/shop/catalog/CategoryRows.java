package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryRef;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The category tree and the product-category links (V16), in plain SQL on the caller's transaction: the tree is
 * read whole or walked with recursive queries, and every write is a guarded statement (an insert that gives way on
 * a taken slug, a delete that leaves a category with children alone).
 */
@ApplicationScoped
class CategoryRows {

    /** The advisory lock every change of a parent takes (the V16 trigger takes it too): 'CATE', the tree. */
    private static final String TREE_LOCK = "1128354885, 1";

    private static final String COLUMNS = "id, parent_id, slug, name, position, created_at, updated_at";

    /**
     * The ids of the category with slug {@code ?} and of all its descendants. {@code UNION} rather than
     * {@code UNION ALL}: the walk would end even on a cycle, which V16 forbids anyway.
     */
    static final String SUBTREE_BY_SLUG = "WITH RECURSIVE subtree(id) AS ("
            + "SELECT id FROM category WHERE slug = ? "
            + "UNION SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id) SELECT id FROM subtree";

    private final Sql sql;

    CategoryRows(Sql sql) {
        this.sql = sql;
    }

    record Category(UUID id, UUID parentId, String slug, String name, int position, Instant createdAt,
            Instant updatedAt) {
    }

    /**
     * Moves happen one at a time: taken before the row is written, so the trigger (which takes it again) and the
     * service's own check see the same tree, and two moves never wait on each other's rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockTree() {
        sql.list("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + TREE_LOCK + ")) locked", rs -> 1);
    }

    List<Category> all() {
        return sql.list("SELECT " + COLUMNS + " FROM category ORDER BY position, name, id", CategoryRows::category);
    }

    Optional<Category> find(UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM category WHERE id = ?", CategoryRows::category, id);
    }

    /** The row, locked against other writers until the transaction ends (links to it can still be added). */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Category> lock(UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM category WHERE id = ? FOR NO KEY UPDATE", CategoryRows::category,
                id);
    }

    boolean exists(UUID id) {
        return sql.first("SELECT 1 FROM category WHERE id = ?", rs -> true, id).isPresent();
    }

    /** True when {@code candidate} is {@code category} or lies below it. */
    boolean isSelfOrDescendant(UUID candidate, UUID category) {
        return sql.first("WITH RECURSIVE up(id, parent_id) AS ("
                + "SELECT id, parent_id FROM category WHERE id = ? "
                + "UNION SELECT c.id, c.parent_id FROM category c JOIN up ON c.id = up.parent_id) "
                + "SELECT 1 FROM up WHERE id = ?", rs -> true, candidate, category).isPresent();
    }

    boolean hasChildren(UUID id) {
        return sql.first("SELECT 1 FROM category WHERE parent_id = ? LIMIT 1", rs -> true, id).isPresent();
    }

    /**
     * Inserts unless the id or slug is taken ({@code ON CONFLICT DO NOTHING}, so a clash never aborts the
     * transaction). Without a position the category goes after its last sibling.
     */
    boolean insertIfFree(UUID id, UUID parentId, String slug, String name, Integer position) {
        return sql.update("INSERT INTO category (id, parent_id, slug, name, position, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, COALESCE(?, (SELECT COALESCE(max(position) + 1, 0) FROM category "
                + "WHERE parent_id IS NOT DISTINCT FROM ?::uuid)), clock_timestamp(), clock_timestamp()) "
                + "ON CONFLICT DO NOTHING", id, parentId, slug, name, position, parentId) == 1;
    }

    /** The first n (2, 3, ...) for which {@code base-n} is free among category slugs right now. */
    int nextFreeSuffix(String base) {
        // The "-N" forms are a bytewise range ('-' is followed by '.'), one index range scan whatever the collation.
        Set<String> taken = new HashSet<>(sql.list("SELECT slug FROM category WHERE slug = ? OR "
                + "((slug COLLATE \"C\") >= (? || '-') COLLATE \"C\" AND (slug COLLATE \"C\") < (? || '.') COLLATE \"C\")",
                rs -> rs.getString("slug"), base, base, base));
        String slug = new SlugAllocator(taken).allocate(base);
        return slug.equals(base) ? 1 : Integer.parseInt(slug.substring(base.length() + 1));
    }

    /** Writes the given fields; a null one is left as it is, but for the parent, written when {@code moves}. */
    int update(UUID id, String name, String slug, boolean moves, UUID parentId, Integer position) {
        return sql.update("UPDATE category SET name = COALESCE(?, name), slug = COALESCE(?, slug), "
                + (moves ? "parent_id = ?::uuid, " : "")
                + "position = COALESCE(?, position), updated_at = clock_timestamp() WHERE id = ?",
                moves ? new Object[] {name, slug, parentId, position, id} : new Object[] {name, slug, position, id});
    }

    int delete(UUID id) {
        return sql.update("DELETE FROM category WHERE id = ?", id);
    }

    // --- the links between products and categories ---

    /** The ids of the category with this slug and of all its descendants; none for an unknown slug. */
    List<UUID> subtree(String slug) {
        return sql.list(SUBTREE_BY_SLUG, rs -> rs.getObject("id", UUID.class), slug);
    }

    Optional<UUID> idOf(String slug) {
        return sql.first("SELECT id FROM category WHERE slug = ?", rs -> rs.getObject("id", UUID.class), slug);
    }

    /**
     * How many links these categories have (a product filed under two of them counts twice): an upper bound of how
     * many products they hold, read from the category index alone.
     */
    long links(Collection<UUID> categoryIds) {
        return sql.first("SELECT count(*) AS links FROM product_category WHERE category_id = ANY(?::uuid[])",
                rs -> rs.getLong("links"), (Object) texts(categoryIds)).orElse(0L);
    }

    /** Of the given ids, those that no category has. */
    List<UUID> unknown(Collection<UUID> ids) {
        return sql.list("SELECT k.id FROM unnest(?::uuid[]) WITH ORDINALITY AS k(id, n) "
                + "WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.id = k.id) ORDER BY k.n",
                rs -> rs.getObject("id", UUID.class), (Object) texts(ids));
    }

    /** Files the product under exactly these categories (the ones that exist). */
    @Transactional(Transactional.TxType.MANDATORY)
    void replaceLinks(UUID productId, Collection<UUID> categoryIds) {
        String[] ids = texts(categoryIds);
        sql.update("DELETE FROM product_category WHERE product_id = ? AND NOT (category_id = ANY(?::uuid[]))",
                productId, ids);
        sql.update("INSERT INTO product_category (product_id, category_id) "
                + "SELECT ?, c.id FROM unnest(?::uuid[]) AS k(id) JOIN category c ON c.id = k.id "
                + "ORDER BY c.id ON CONFLICT DO NOTHING", productId, ids);
    }

    /** product id -> its categories (by name), for the given products, in one statement. */
    Map<UUID, List<CategoryRef>> linksOf(Collection<UUID> productIds) {
        Map<UUID, List<CategoryRef>> found = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return found;
        }
        sql.list("SELECT pc.product_id, c.id, c.slug, c.name FROM unnest(?::uuid[]) AS k(id) "
                + "JOIN product_category pc ON pc.product_id = k.id JOIN category c ON c.id = pc.category_id "
                + "ORDER BY pc.product_id, c.name, c.id",
                rs -> found.computeIfAbsent(rs.getObject("product_id", UUID.class), k -> new java.util.ArrayList<>())
                        .add(new CategoryRef(rs.getObject("id", UUID.class), rs.getString("slug"),
                                rs.getString("name"))),
                (Object) texts(productIds));
        return found;
    }

    /** Ids as a text array, bound as {@code ?::uuid[]} (the driver has no uuid arrays of its own). */
    static String[] texts(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static Category category(ResultSet rs) throws SQLException {
        return new Category(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
                rs.getString("slug"), rs.getString("name"), rs.getInt("position"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
