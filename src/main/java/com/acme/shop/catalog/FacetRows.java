package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductFacets;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of a filtered product list with its total and its facets (see {@link ProductFacets} for what each count
 * means), in one statement whatever the catalog's size: it finds the filtered result once (with each product's
 * filter tokens, V18), the result's matching variants once (with their option tokens), and aggregates in the
 * database; nothing is read per product.
 */
@ApplicationScoped
class FacetRows {

    /** The page's product ids in order, how many products the whole result holds, and its facets. */
    record FacetedPage(List<UUID> ids, long total, ProductFacets facets) {
    }

    /*
     * %1$s: the result's condition on product; %2$s: a matching variant's on alias v; %3$s: the sort.
     * The variants are probed per result product (LATERAL ... OFFSET 0 keeps it an index lookup by product: a hash
     * join would read every variant of the catalog to keep a few thousand).
     * One row per entry, sorted as the answer lists them:
     *   kind 'c': a = slug, b = name, n = products (categories by name, then slug); a product's category tokens are
     *             its categories and their ancestors, each once, so count(*) counts products;
     *   kind 'i': a = a product id of the page, n = its place;
     *   kind 'o': a = option name, b = value, n = products, m = the lowest position any product gives the value
     *             (options by name, their values by that position, then by value);
     *   kind 'p': n = lowest, m = highest price of a matching variant (nulls for an empty result);
     *   kind 't': n = the result's size.
     */
    private static final String PAGE = """
            WITH result AS MATERIALIZED (SELECT id, created_at, price_cents, name, filter_tokens FROM product WHERE %1$s),
            matched AS MATERIALIZED (
                SELECT v.product_id, v.price_cents, v.option_tokens, v.option_positions FROM result r
                CROSS JOIN LATERAL (SELECT * FROM product_variant v WHERE v.product_id = r.id AND %2$s OFFSET 0) v)
            SELECT * FROM (
            SELECT 'i' AS kind, p.id::text AS a, NULL AS b, p.n AS n, NULL::bigint AS m
            FROM (SELECT id, row_number() OVER (ORDER BY %3$s) AS n FROM result ORDER BY %3$s OFFSET ? LIMIT ?) p
            UNION ALL
            SELECT 't', NULL, NULL, count(*), NULL FROM result
            UNION ALL
            SELECT 'c', c.slug, c.name, f.products, NULL
            FROM (SELECT substr(t.token, 3)::uuid AS category_id, count(*) AS products
                  FROM result r CROSS JOIN unnest(r.filter_tokens) AS t(token)
                  WHERE starts_with(t.token, 'c' || chr(31)) GROUP BY t.token) f
            JOIN category c ON c.id = f.category_id
            UNION ALL
            SELECT 'o', split_part(t.token, chr(31), 1), split_part(t.token, chr(31), 2),
                   count(DISTINCT m.product_id), min(t.position)
            FROM matched m CROSS JOIN unnest(m.option_tokens, m.option_positions) AS t(token, position)
            GROUP BY t.token
            UNION ALL
            SELECT 'p', NULL, NULL, min(price_cents), max(price_cents) FROM matched) entry
            ORDER BY kind, CASE WHEN kind = 'i' THEN n END, CASE WHEN kind = 'c' THEN b ELSE a END, m,
                     CASE WHEN kind = 'c' THEN a ELSE b END""";

    private final Sql sql;

    FacetRows(Sql sql) {
        this.sql = sql;
    }

    /**
     * {@code where} picks the result's products (a condition on {@code product}, its {@code ?} values in
     * {@code whereParams}); {@code filters} the matching variants ({@link ListFilters#variantMatches});
     * {@code orderBy} a {@link Products.Sort}'s SQL.
     */
    FacetedPage page(String where, List<Object> whereParams, ListFilters filters, String orderBy, int offset, int limit) {
        List<Object> params = new ArrayList<>(whereParams);
        String variantMatches = filters.variantMatches("v", params);
        params.add(offset);
        params.add(limit);
        List<UUID> ids = new ArrayList<>();
        long[] total = {0};
        List<ProductFacets.CategoryCount> categories = new ArrayList<>();
        Map<String, List<ProductFacets.ValueCount>> options = new LinkedHashMap<>();
        ProductFacets.PriceRange[] price = {new ProductFacets.PriceRange(null, null)};
        sql.list(PAGE.formatted(where, variantMatches, orderBy), rs -> {
            switch (rs.getString("kind")) {
                case "i" -> ids.add(UUID.fromString(rs.getString("a")));
                case "t" -> total[0] = rs.getLong("n");
                case "c" -> categories.add(new ProductFacets.CategoryCount(rs.getString("a"), rs.getString("b"),
                        rs.getLong("n")));
                case "o" -> options.computeIfAbsent(rs.getString("a"), k -> new ArrayList<>())
                        .add(new ProductFacets.ValueCount(rs.getString("b"), rs.getLong("n")));
                default -> price[0] = new ProductFacets.PriceRange(rs.getObject("n", Long.class),
                        rs.getObject("m", Long.class));
            }
            return Boolean.TRUE;
        }, params.toArray());
        List<ProductFacets.OptionCounts> optionCounts = new ArrayList<>();
        options.forEach((name, values) -> optionCounts.add(new ProductFacets.OptionCounts(name, List.copyOf(values))));
        return new FacetedPage(ids, total[0], new ProductFacets(categories, optionCounts, price[0]));
    }
}
