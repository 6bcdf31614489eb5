package com.acme.shop.ordering;

import com.acme.shop.notification.Outbox;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.ordering.dto.OrderItemDto;
import com.acme.shop.ordering.dto.TrackedOrderDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import com.acme.shop.platform.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading orders (a customer's own, a tracking link, a number and email) and moving their status. */
@ApplicationScoped
public class OrderService {

    private final EntityManager em;
    private final Outbox outbox;

    OrderService(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The dedupe key of an order's confirmation mail (held for Stripe orders until they are paid). */
    static String confirmationKey(UUID orderId) {
        return "order_confirmation:" + orderId;
    }

    /** A customer's own orders, newest first: one query for the page, one for all its lines, one count. */
    public Page<OrderDto> listOwn(UUID userId, PageRequest page) {
        List<Order> orders = em.createQuery(
                "select o from Order o where o.userId = :user order by o.createdAt desc, o.id desc", Order.class)
                .setParameter("user", userId).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(o) from Order o where o.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
        return Page.of(dtos(orders), page, total);
    }

    public OrderDto getOwn(UUID userId, UUID orderId) {
        Order order = Order.findById(orderId);
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
        return Order.<Order>find("trackingTokenHash", (Object) SecureTokens.hash(token)).firstResultOptional()
                .map(o -> TrackedOrderDto.of(dto(o))).orElseThrow(() -> ApiException.notFound("Order"));
    }

    public TrackedOrderDto lookup(String number, String email) {
        return Order.<Order>find("number = ?1 and email = ?2", number.trim(), email.trim().toLowerCase(java.util.Locale.ROOT))
                .firstResultOptional().map(o -> TrackedOrderDto.of(dto(o)))
                .orElseThrow(() -> ApiException.notFound("Order"));
    }

    /** Loads an order locked for a status change: concurrent changes of one order happen one at a time. */
    public Order lockForUpdate(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ApiException.notFound("Order");
        }
        return order;
    }

    /** Cancels an unpaid order and returns its stock, in the caller's transaction. */
    public void cancelUnpaid(Order order, String actor, String note) {
        order.transitionTo(OrderStatus.CANCELLED, actor, note);
        restock(order.id);
    }

    /**
     * The payment of an unpaid order will not come (Stripe failed, the session expired or the payment failed):
     * cancel it, return its stock, and drop the confirmation mail that was waiting for the payment.
     */
    public void abandonPayment(Order order, String actor, String reason) {
        cancelUnpaid(order, actor, reason);
        order.paymentStatus = "failed";
        outbox.discard(confirmationKey(order.id));
    }

    /** Puts every line's quantity back on its product. */
    public void restock(UUID orderId) {
        em.createNativeQuery("""
                UPDATE product p SET stock = p.stock + l.quantity FROM order_line l
                WHERE l.order_id = ?1 AND p.id = l.product_id
                """).setParameter(1, orderId).executeUpdate();
    }

    @Transactional
    public OrderDto changeStatus(UUID orderId, OrderStatus next, String actor, String note) {
        Order order = lockForUpdate(orderId);
        if (next == OrderStatus.CANCELLED && order.status == OrderStatus.PENDING_PAYMENT) {
            cancelUnpaid(order, actor, note);
        } else {
            order.transitionTo(next, actor, note);
        }
        return dto(order);
    }

    public OrderDto dto(Order order) {
        return dtos(List.of(order)).get(0);
    }

    List<OrderDto> dtos(List<Order> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderItemDto>> items = new LinkedHashMap<>();
        orders.forEach(o -> items.put(o.id, new ArrayList<>()));
        em.createQuery("select l from OrderLine l where l.orderId in :ids order by l.orderId, l.lineNo", OrderLine.class)
                .setParameter("ids", items.keySet()).getResultList()
                .forEach(l -> items.get(l.orderId).add(new OrderItemDto(l.productId, l.sku, l.name, l.unitPriceCents,
                        l.quantity, l.lineTotalCents)));
        return orders.stream().map(o -> OrderDto.of(o, List.copyOf(items.get(o.id)))).toList();
    }
}
