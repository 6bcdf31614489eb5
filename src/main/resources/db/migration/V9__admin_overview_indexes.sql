-- The admin overview (GET /api/v1/admin/stats) sums the paid orders of a period. This partial index holds every
-- column those sums read, so a period is one index-only range scan however many orders lie outside it.
CREATE INDEX customer_order_paid_by_created ON customer_order (created_at)
    INCLUDE (total_cents, refunded_cents, user_id, email)
    WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED');

-- The lines of those orders, for the best sellers, without visiting the table.
CREATE INDEX order_line_sold ON order_line (order_id) INCLUDE (product_id, quantity, line_total_cents);

-- Low stock: the active products with the fewest units first.
CREATE INDEX product_active_by_stock ON product (stock, id) WHERE active;
