package com.acme.shop.ordering;

import com.acme.shop.catalog.Combinations;
import com.acme.shop.catalog.Stock;
import java.util.UUID;

/** A bought line ({@code order_line}): sku, name and unit price as they were at checkout. */
public class OrderLine {

    public UUID orderId;

    public int lineNo;

    public UUID productId;

    public UUID variantId;

    /** The variant's options when it was bought (canonical JSON, {@code {}} without options). */
    public String options;

    public String sku;

    public String name;

    public long unitPriceCents;

    public int quantity;

    public long lineTotalCents;

    /** The line's share of the order's discount (the lines' shares add up to it). */
    public long discountCents;

    /** A line of a new order: what the stock take returned, as it was at that moment. */
    static OrderLine of(UUID orderId, int lineNo, Stock.Taken product, java.util.Map<String, String> options,
            int quantity) {
        OrderLine line = new OrderLine();
        line.orderId = orderId;
        line.lineNo = lineNo;
        line.productId = product.productId();
        line.variantId = product.variantId();
        line.options = Combinations.format(options);
        line.sku = product.sku();
        line.name = product.name();
        line.unitPriceCents = product.unitPriceCents();
        line.quantity = quantity;
        line.lineTotalCents = Math.multiplyExact(product.unitPriceCents(), (long) quantity);
        return line;
    }

    /** The product as this line took it. */
    Stock.Taken product() {
        return new Stock.Taken(productId, variantId, sku, name, unitPriceCents);
    }
}
