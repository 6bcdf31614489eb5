package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductFacets;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets of a filtered product list (see {@link ProductFacets} for what each count means), in three statements
 * whatever the catalog's size: each reads the filtered result once ({@code result}: the callers' fixed SQL with
 * {@code ?} parameters, never input) and aggregates in the database; nothing is read per product.
 */
@ApplicationScoped
class FacetRows {

    private final Sql sql;

    FacetRows(Sql sql) {
        this.sql = sql;
    }

    /**
     * {@code where} picks the result's products (a condition on {@code product}); {@code variantMatches} the
     * matching variants of alias {@code v} ({@link ListFilters#variantMatches}); each with its parameters.
     */
    ProductFacets facets(String where, List<Object> whereParams, ListFilters filters) {
        String result = "WITH RECURSIVE result AS MATERIALIZED (SELECT id FROM product WHERE " + where + ")";
        List<Object> variantParams = new ArrayList<>();
        String variantMatches = filters.variantMatches("v", variantParams);
        List<Object> both = new ArrayList<>(whereParams);
        both.addAll(variantParams);
        return new ProductFacets(categories(result, whereParams), options(result, variantMatches, both),
                price(result, variantMatches, both));
    }

    /**
     * Each (product, category) pair once, the product's own categories and their ancestors ({@code UNION} drops the
     * pair a second link into the same subtree would repeat), so {@code count(*)} counts products.
     */
    private List<ProductFacets.CategoryCount> categories(String result, List<Object> params) {
        return sql.list(result + ", filed(product_id, category_id) AS ("
                + "SELECT pc.product_id, pc.category_id FROM result r JOIN product_category pc ON pc.product_id = r.id "
                + "UNION SELECT f.product_id, c.parent_id FROM filed f JOIN category c ON c.id = f.category_id "
                + "WHERE c.parent_id IS NOT NULL) "
                + "SELECT c.slug, c.name, count(*) AS products FROM filed f JOIN category c ON c.id = f.category_id "
                + "GROUP BY c.id, c.slug, c.name ORDER BY c.name, c.slug",
                rs -> new ProductFacets.CategoryCount(rs.getString("slug"), rs.getString("name"), rs.getLong("products")),
                params.toArray());
    }

    /** Options by name, their values in the order products list them (the lowest position any gives), then by value. */
    private List<ProductFacets.OptionCounts> options(String result, String variantMatches, List<Object> params) {
        Map<String, List<ProductFacets.ValueCount>> byName = new LinkedHashMap<>();
        sql.list(result + " SELECT o.name, ov.value, count(DISTINCT v.product_id) AS products, "
                + "min(pov.position) AS value_position FROM result r "
                + "JOIN product_variant v ON v.product_id = r.id AND " + variantMatches + " "
                + "JOIN product_variant_option_value ov ON ov.variant_id = v.id "
                + "JOIN product_option o ON o.product_id = ov.product_id AND o.position = ov.option_position "
                + "JOIN product_option_value pov ON pov.product_id = ov.product_id "
                + "AND pov.option_position = ov.option_position AND pov.value = ov.value "
                + "GROUP BY o.name, ov.value ORDER BY o.name, value_position, ov.value",
                rs -> byName.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>())
                        .add(new ProductFacets.ValueCount(rs.getString("value"), rs.getLong("products"))),
                params.toArray());
        List<ProductFacets.OptionCounts> out = new ArrayList<>();
        byName.forEach((name, values) -> out.add(new ProductFacets.OptionCounts(name, List.copyOf(values))));
        return out;
    }

    private ProductFacets.PriceRange price(String result, String variantMatches, List<Object> params) {
        return sql.list(result + " SELECT min(v.price_cents) AS min_cents, max(v.price_cents) AS max_cents "
                + "FROM result r JOIN product_variant v ON v.product_id = r.id AND " + variantMatches,
                rs -> new ProductFacets.PriceRange(rs.getObject("min_cents", Long.class),
                        rs.getObject("max_cents", Long.class)), params.toArray()).get(0);
    }
}
