package com.acme.shop.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one owner of stock, which lives on variants (V15). The cart, checkout, cancellation, Stripe expiry, late
 * payments and restocking refunds all come here; no SQL outside {@code catalog} names the variant table.
 *
 * <p>"Stock never goes negative" lives here: a take is one guarded statement ({@code UPDATE ... WHERE stock >= q}),
 * backed by the CHECK {@code product_variant_stock_nonnegative}. Callers take in variant-id order and this class
 * locks in variant-id order, so two orders never deadlock on each other's variants. Every write joins the caller's
 * transaction ({@link TxType#MANDATORY}): stock taken for an order commits or rolls back with the order.
 */
@ApplicationScoped
public class Stock {

    /** The order lines are taken and locked in. */
    public static final Comparator<Line> TAKING_ORDER = Comparator.comparing(Line::variantId);

    private final ProductRows rows;

    Stock(ProductRows rows) {
        this.rows = rows;
    }

    /** So many units of one variant of a product. */
    public record Line(UUID productId, UUID variantId, int quantity) {
    }

    /** What an order line keeps of the variant whose stock it took, as it was at that moment. */
    public record Taken(UUID productId, UUID variantId, String sku, String name, long unitPriceCents) {
    }

    /**
     * A variant as a cart shows it; {@code available} is 0 once it or its product is archived; {@code variants}
     * is the number of active variants its product has (one: the product is bought without choosing).
     */
    public record Item(UUID productId, UUID variantId, String sku, String slug, String name, long priceCents,
            boolean active, int available, Map<String, String> options, int variants) {

        /**
         * How a cart or an order names this line: the variant id, or the product id when the product has one
         * variant without options (as v1 did).
         */
        public String key() {
            return options.isEmpty() && variants <= 1 ? productId.toString() : variantId.toString();
        }
    }

    /** An active product about to run out (its active variants' stock, summed). */
    public record Low(UUID productId, String name, int stock) {
    }

    /** Takes the units if an active variant of an active product has them; empty (and nothing changed) otherwise. */
    @Transactional(TxType.MANDATORY)
    @ChangesCatalog
    public Optional<Taken> take(UUID variantId, int quantity) {
        return rows.take(variantId, quantity);
    }

    /**
     * All the lines or none: the variants are locked in id order, checked, then taken in one statement. For a
     * payment that arrives after its order was cancelled: archived variants count, the goods were sold.
     */
    @Transactional(TxType.MANDATORY)
    @ChangesCatalog
    public boolean takeAll(List<Line> lines) {
        SortedMap<UUID, Integer> wanted = byVariant(lines);
        Map<UUID, Integer> inStock = rows.lockStock(wanted.keySet());
        boolean available = wanted.entrySet().stream()
                .allMatch(w -> inStock.getOrDefault(w.getKey(), 0) >= w.getValue());
        if (available) {
            SortedMap<UUID, Integer> deltas = new TreeMap<>();
            wanted.forEach((id, quantity) -> deltas.put(id, -quantity));
            rows.addStock(deltas);
        }
        return available;
    }

    /** Puts the units back on the same variants (a cancelled order, an expired payment, a restocking refund). */
    @Transactional(TxType.MANDATORY)
    @ChangesCatalog
    public void release(List<Line> lines) {
        SortedMap<UUID, Integer> deltas = byVariant(lines);
        rows.lockStock(deltas.keySet());
        rows.addStock(deltas);
    }

    /** What can be bought of a variant now: 0 when it or its product is archived, or it is unknown. */
    public int available(UUID variantId) {
        return item(variantId).map(Item::available).orElse(0);
    }

    public Optional<Item> item(UUID variantId) {
        return Optional.ofNullable(items(List.of(variantId)).get(variantId));
    }

    /** The variants of a cart, by variant id; ids of variants that do not exist are left out. */
    public Map<UUID, Item> items(Collection<UUID> variantIds) {
        return rows.stockItems(variantIds);
    }

    /** Every variant of a product (archived ones too), by variant id; empty for an unknown product. */
    public Map<UUID, Item> variantsOf(UUID productId) {
        return rows.stockItemsOfProducts(List.of(productId));
    }

    /** Active products with at most {@code threshold} units, the fewest first (the admin overview). */
    public List<Low> low(int threshold, int limit) {
        return rows.lowStock(threshold, limit);
    }

    private static SortedMap<UUID, Integer> byVariant(List<Line> lines) {
        SortedMap<UUID, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.variantId(), line.quantity(), Integer::sum));
        return quantities;
    }
}
