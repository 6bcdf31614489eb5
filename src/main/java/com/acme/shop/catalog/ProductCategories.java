package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryRef;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which categories a product is filed under: set with the product's writes, read with its answers and lists. */
@ApplicationScoped
public class ProductCategories {

    private final CategoryRows rows;

    ProductCategories(CategoryRows rows) {
        this.rows = rows;
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
        rows.replaceLinks(productId, ids);
    }

    /** product id -> its categories (by name; none: absent from the map), for many products in one statement. */
    public Map<UUID, List<CategoryRef>> of(Collection<UUID> productIds) {
        return rows.linksOf(productIds);
    }

    /**
     * SQL that holds when the product whose id is {@code idColumn} is filed under the category with the slug bound
     * at its one parameter, or under one of that category's descendants. An unknown slug matches nothing.
     */
    public static String inCategory(String idColumn) {
        return idColumn + " IN (SELECT pc.product_id FROM product_category pc WHERE pc.category_id IN ("
                + CategoryRows.SUBTREE_BY_SLUG + "))";
    }
}
