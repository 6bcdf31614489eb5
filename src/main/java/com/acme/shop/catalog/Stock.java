package com.acme.shop.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one owner of product stock. The cart, checkout, cancellation, Stripe expiry, late payments and restocking
 * refunds all come here; no SQL outside {@code catalog} names the product table.
 *
 * <p>"Stock never goes negative" lives here: a take is one guarded statement ({@code UPDATE ... WHERE stock >= q}),
 * backed by the CHECK {@code product_stock_nonnegative}. Callers take in product-id order and this class locks
 * in product-id order, so two orders never deadlock on each other's products. Every write joins the caller's
 * transaction ({@link TxType#MANDATORY}): stock taken for an order commits or rolls back with the order.
 */
@ApplicationScoped
public class Stock {

    private final ProductRows rows;

    Stock(ProductRows rows) {
        this.rows = rows;
    }

    /** So many units of one product. */
    public record Line(UUID productId, int quantity) {
    }

    /** What an order line keeps of the product whose stock it took, as it was at that moment. */
    public record Taken(UUID productId, String sku, String name, long unitPriceCents) {
    }

    /** A product as a cart shows it; {@code available} is 0 once the product is archived. */
    public record Item(UUID productId, String sku, String slug, String name, long priceCents, boolean active,
            int available) {
    }

    /** An active product about to run out. */
    public record Low(UUID productId, String name, int stock) {
    }

    /** Takes the units if an active product has them; empty (and nothing changed) otherwise. */
    @Transactional(TxType.MANDATORY)
    @ChangesCatalog
    public Optional<Taken> take(UUID productId, int quantity) {
        return rows.take(productId, quantity);
    }

    /**
     * All the lines or none: the products are locked in id order, checked, then taken in one statement. For a
     * payment that arrives after its order was cancelled: archived products count, the goods were sold.
     */
    @Transactional(TxType.MANDATORY)
    @ChangesCatalog
    public boolean takeAll(List<Line> lines) {
        SortedMap<UUID, Integer> wanted = byProduct(lines);
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

    /** Puts the units back (a cancelled order, an expired payment, a restocking refund). */
    @Transactional(TxType.MANDATORY)
    @ChangesCatalog
    public void release(List<Line> lines) {
        SortedMap<UUID, Integer> deltas = byProduct(lines);
        rows.lockStock(deltas.keySet());
        rows.addStock(deltas);
    }

    /** What can be bought of a product now: 0 when it is archived or unknown. */
    public int available(UUID productId) {
        return item(productId).map(Item::available).orElse(0);
    }

    public Optional<Item> item(UUID productId) {
        return Optional.ofNullable(items(List.of(productId)).get(productId));
    }

    /** The products of a cart, by id; ids of products that do not exist are left out. */
    public Map<UUID, Item> items(Collection<UUID> productIds) {
        return rows.stockItems(productIds);
    }

    /** Active products with at most {@code threshold} units, the fewest first (the admin overview). */
    public List<Low> low(int threshold, int limit) {
        return rows.lowStock(threshold, limit);
    }

    private static SortedMap<UUID, Integer> byProduct(List<Line> lines) {
        SortedMap<UUID, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
        return quantities;
    }
}
