package com.acme.shop.ordering;

import com.acme.shop.catalog.Combinations;
import com.acme.shop.catalog.Stock;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A bought line: sku, name and unit price as they were at checkout. */
@Entity
@Table(name = "order_line")
@IdClass(OrderLine.Key.class)
public class OrderLine extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Id
    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "variant_id", nullable = false)
    public UUID variantId;

    /** The variant's options when it was bought (canonical JSON, {@code {}} without options). */
    @Column(nullable = false)
    public String options;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(name = "unit_price_cents", nullable = false)
    public long unitPriceCents;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "line_total_cents", nullable = false)
    public long lineTotalCents;

    /** The line's share of the order's discount (the lines' shares add up to it). */
    @Column(name = "discount_cents", nullable = false)
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

    public static class Key implements Serializable {
        public UUID orderId;
        public int lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && lineNo == k.lineNo && Objects.equals(orderId, k.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, lineNo);
        }
    }
}
