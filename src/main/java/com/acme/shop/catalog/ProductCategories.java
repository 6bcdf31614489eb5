package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryRef;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which categories a product is filed under: set with the product's writes, read with its answers and lists. */
@ApplicationScoped
public class ProductCategories {

    private final CategoryRows rows;
    private final Sql sql;

    ProductCategories(CategoryRows rows, Sql sql) {
        this.rows = rows;
        this.sql = sql;
    }

    /**
     * Of these products, the ones filed under one of these categories or one of their descendants (read from the
     * products' filter tokens, which list every ancestor of a product's categories).
     */
    public Set<UUID> filedUnderTree(Collection<UUID> productIds, Collection<UUID> categoryIds) {
        if (productIds.isEmpty() || categoryIds.isEmpty()) {
            return Set.of();
        }
        String[] tokens = categoryIds.stream().map(id -> "c\u001f" + id).toArray(String[]::new);
        return Set.copyOf(sql.list("SELECT id FROM product WHERE id = ANY(?::uuid[]) AND filter_tokens && ?::text[]",
                rs -> rs.getObject(1, UUID.class), productIds.stream().map(UUID::toString).toArray(String[]::new), tokens));
    }

    /**
     * Files the product under exactly these categories, in the caller's transaction. An id no category has is
     * 400 {@code validation_failed} naming {@code categoryIds}, and nothing is changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(UUID productId, List<UUID> categoryIds) {
        Set<UUID> ids = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (UUID id : categoryIds) {
            if (id == null) {
                errors.add(new FieldError("categoryIds", "must not hold null"));
            } else {
                ids.add(id);
            }
        }
        rows.unknown(ids).forEach(id -> errors.add(new FieldError("categoryIds", "no category has the id " + id)));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        try {
            rows.replaceLinks(productId, ids);
        } catch (Sql.Failed e) {
            if (e.getCause() instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                // A category was deleted between the check above and the insert (its delete held the row).
                throw ApiException.validation("categoryIds", "a category was deleted meanwhile; reload and retry");
            }
            throw e;
        }
    }

    /** product id -> its categories (by name; none: absent from the map), for many products in one statement. */
    public Map<UUID, List<CategoryRef>> of(Collection<UUID> productIds) {
        return rows.linksOf(productIds);
    }

    /** The ids of the category with this slug and of all its descendants (a recursive query); none when unknown. */
    public List<UUID> subtree(String slug) {
        return rows.subtree(slug);
    }

    /** The id of the category with this slug; none when unknown. */
    public Optional<UUID> idOf(String slug) {
        return rows.idOf(slug);
    }

    /** An upper bound of how many products these categories hold (links, from the category index alone). */
    public long links(Collection<UUID> categoryIds) {
        return categoryIds.isEmpty() ? 0 : rows.links(categoryIds);
    }

    /**
     * SQL selecting {@code product_id} of every product filed under one of the categories bound at its one
     * parameter ({@link #parameter}), each once: a candidate set read through the category index.
     */
    public static final String FILED_UNDER =
            "SELECT DISTINCT product_id FROM product_category WHERE category_id = ANY(?::uuid[])";

    /**
     * SQL that holds when the product whose id is {@code idColumn} is filed under one of the categories bound at its
     * one parameter ({@link #parameter}).
     */
    public static String filedUnder(String idColumn) {
        return idColumn + " IN (SELECT pc.product_id FROM product_category pc WHERE pc.category_id = ANY(?::uuid[]))";
    }

    /** Category ids as the parameter of {@link #FILED_UNDER} and {@link #filedUnder}. */
    public static Object parameter(Collection<UUID> categoryIds) {
        return CategoryRows.texts(categoryIds);
    }
}
