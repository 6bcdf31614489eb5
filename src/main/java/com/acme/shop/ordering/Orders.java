package com.acme.shop.ordering;

import com.acme.shop.promotion.Promotions;
import com.acme.shop.catalog.Combinations;
import com.acme.shop.catalog.Stock;
import com.acme.shop.notification.Outbox;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.ordering.dto.OrderItemDto;
import com.acme.shop.ordering.dto.TrackedOrderDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Emails;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import com.acme.shop.platform.RateLimitConfig;
import com.acme.shop.platform.RateLimitedException;
import com.acme.shop.platform.RateLimits;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading orders (a customer's own, a tracking link, a number and email), and what cancelling one means. */
@ApplicationScoped
public class Orders {

    /** The rate-limit bucket of order lookups that found nothing, per email. */
    static final String LOOKUP_FAILURES = "lookup-failures";

    private final OrderRows rows;
    private final Outbox outbox;
    private final Stock stock;
    private final RateLimits rateLimits;
    private final RateLimitConfig limits;
    private final SecurityEvents security;
    private final Promotions promotions;

    Orders(OrderRows rows, Outbox outbox, Stock stock, RateLimits rateLimits, RateLimitConfig limits,
            SecurityEvents security, Promotions promotions) {
        this.promotions = promotions;
        this.rows = rows;
        this.outbox = outbox;
        this.stock = stock;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.security = security;
    }

    /** A customer's own orders, newest first: one query for the page, one for all its lines, one count. */
    public Page<OrderDto> listOwn(UUID userId, PageRequest page) {
        List<Order> orders = rows.page("user_id = ?", List.of(userId), page.offset(), page.size());
        long total = rows.count("user_id = ?", List.of(userId));
        return Page.of(dtos(orders), page, total);
    }

    public OrderDto getOwn(UUID userId, UUID orderId) {
        Order order = rows.order(orderId).orElse(null);
        // Someone else's order is "not found": its existence is not revealed.
        if (order == null || !userId.equals(order.userId)) {
            throw ApiException.notFound("Order");
        }
        return dto(order);
    }

    public TrackedOrderDto track(String token) {
        if (!SecureTokens.looksValid(token)) {
            throw ApiException.notFound("Order");
        }
        return rows.byTrackingTokenHash(SecureTokens.hash(token))
                .map(o -> TrackedOrderDto.of(dto(o))).orElseThrow(() -> ApiException.notFound("Order"));
    }

    /**
     * Guessing order numbers for someone's email is limited per email, in PostgreSQL (so every instance counts the
     * same guesses, from whatever addresses they come), as failed logins are: each lookup is counted before the
     * search and a found order takes its count back, so concurrent guesses never exceed the limit, and once it is
     * reached every lookup for that email is 429 until the window passes, right number or not.
     */
    public TrackedOrderDto lookup(String number, String email) {
        String normalised = Emails.normalise(email);
        try {
            rateLimits.hit(LOOKUP_FAILURES, normalised, limits.lookupFailures(), limits.lookupFailureWindow());
        } catch (RateLimitedException e) {
            security.record(SecurityEvents.Event.LOOKUP_THROTTLED, "email", normalised);
            throw e;
        }
        TrackedOrderDto found = rows.byNumberAndEmail(number.trim(), normalised).map(o -> TrackedOrderDto.of(dto(o)))
                .orElseThrow(() -> ApiException.notFound("Order"));
        rateLimits.refund(LOOKUP_FAILURES, normalised);
        return found;
    }

    /**
     * Loads an order locked for a change ({@code SELECT ... FOR NO KEY UPDATE}): concurrent changes of one order
     * happen one at a time. Its changes are written by {@link #save}.
     */
    @Transactional(TxType.MANDATORY)
    public Order lockForUpdate(UUID orderId) {
        return rows.lock(orderId).orElseThrow(() -> ApiException.notFound("Order"));
    }

    /** Writes an order's changes: its new history entries and refunds, then its changed columns (OrderRows.save). */
    @Transactional(TxType.MANDATORY)
    public void save(Order order) {
        rows.save(order);
    }

    /**
     * The one way an unpaid order is cancelled, whoever decides it (an admin, a failed or expired payment, a
     * sweep): the order's status table allows the move (else 409 {@code invalid_transition}), its payment will not
     * come, its stock goes back, and a confirmation mail held for the payment is dropped. The caller holds the
     * order's row lock, so the stock is returned once.
     */
    @Transactional(TxType.MANDATORY)
    public void cancelUnpaid(Order order, String actor, String reason) {
        order.abandonPayment(actor, reason);
        restock(order);
        promotions.release(order.id);
        outbox.discard(OrderMails.confirmationKey(order.id));
        rows.save(order);
    }

    /** Puts every line's quantity back on the variant it was taken from. */
    @Transactional(TxType.MANDATORY)
    public void restock(Order order) {
        stock.release(stockLines(order));
    }

    /** The order's lines as stock: in variant-id order, the order stock is locked in. */
    List<Stock.Line> stockLines(Order order) {
        return rows.linesByVariant(order.id).stream()
                .map(l -> new Stock.Line(l.productId, l.variantId, l.quantity)).toList();
    }

    public OrderDto dto(Order order) {
        return dtos(List.of(order)).get(0);
    }

    /** The answer for an order whose lines are at hand (just placed): nothing is read back. */
    OrderDto dto(Order order, List<OrderLine> lines) {
        return OrderDto.of(order, lines.stream().map(Orders::item).toList());
    }

    List<OrderDto> dtos(List<Order> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderItemDto>> items = new LinkedHashMap<>();
        orders.forEach(o -> items.put(o.id, new ArrayList<>()));
        rows.lines(List.copyOf(items.keySet())).forEach(l -> items.get(l.orderId).add(item(l)));
        return orders.stream().map(o -> OrderDto.of(o, List.copyOf(items.get(o.id)))).toList();
    }

    private static OrderItemDto item(OrderLine l) {
        return new OrderItemDto(l.productId, l.sku, l.name, l.unitPriceCents, l.quantity, l.lineTotalCents, l.discountCents, l.variantId,
                Combinations.parse(l.options));
    }
}
