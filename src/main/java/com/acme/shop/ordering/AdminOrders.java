package com.acme.shop.ordering;

import com.acme.shop.ordering.dto.AdminOrderDto;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.ordering.dto.RefundDto;
import com.acme.shop.ordering.dto.StatusChangeRequest;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.Emails;
import com.acme.shop.platform.LikePatterns;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The back office's orders: search, detail with history and refunds, and status changes. */
@ApplicationScoped
public class AdminOrders {

    private final EntityManager em;
    private final Orders orders;
    private final Refunds refunds;
    private final OrderMails mails;
    private final Audit audit;

    AdminOrders(EntityManager em, Orders orders, Refunds refunds, OrderMails mails, Audit audit) {
        this.em = em;
        this.orders = orders;
        this.refunds = refunds;
        this.mails = mails;
        this.audit = audit;
    }

    /** Filters of the admin order list; {@code from}/{@code to} are inclusive UTC dates. */
    public record Filter(OrderStatus status, LocalDate from, LocalDate to, UUID userId, String email, String q) {
    }

    public Page<OrderDto> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" and o.createdAt >= :from");
            params.put("from", filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and o.createdAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.userId() != null) {
            where.append(" and o.userId = :user");
            params.put("user", filter.userId());
        }
        if (filter.email() != null && !filter.email().isBlank()) {
            where.append(" and o.email = :email");
            params.put("email", Emails.normalise(filter.email()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and o.number ilike :q escape '\\'");
            params.put("q", LikePatterns.contains(filter.q()));
        }
        TypedQuery<Order> query = em.createQuery("select o from Order o where " + where
                + " order by o.createdAt desc, o.id desc", Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Order o where " + where, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Order> found = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(orders.dtos(found), page, count.getSingleResult());
    }

    public AdminOrderDto get(UUID id) {
        Order order = Order.findById(id);
        if (order == null) {
            throw ApiException.notFound("Order");
        }
        return detail(order);
    }

    /**
     * Moves an order through the transition table. SHIPPED records the tracking number and queues the shipping
     * email; cancelling an unpaid order returns its stock; REFUNDED refunds whatever is left.
     */
    @Transactional
    public AdminOrderDto changeStatus(UUID id, StatusChangeRequest request, String actor) {
        Order order = orders.lockForUpdate(id);
        Map<String, Object> before = Map.of("status", order.status);
        switch (request.status()) {
            case CANCELLED -> {
                if (order.status == OrderStatus.PENDING_PAYMENT) {
                    orders.cancelUnpaid(order, actor, request.note());
                } else {
                    order.transitionTo(OrderStatus.CANCELLED, actor, request.note());
                }
            }
            case PAID -> order.markPaid(actor, request.note());
            case SHIPPED -> {
                order.transitionTo(OrderStatus.SHIPPED, actor, request.note());
                if (request.trackingNumber() != null) {
                    order.trackingNumber = request.trackingNumber().trim();
                }
                mails.shipped(order);
            }
            case REFUNDED -> refunds.refund(order, null, request.note(), false, actor);
            default -> order.transitionTo(request.status(), actor, request.note());
        }
        audit.record("order.status_changed", "order", id, before,
                Map.of("status", order.status, "trackingNumber", String.valueOf(order.trackingNumber)));
        em.flush();
        return detail(order);
    }

    private AdminOrderDto detail(Order order) {
        List<AdminOrderDto.StatusChangeDto> history = em.createQuery(
                "select c from OrderStatusChange c where c.orderId = :id order by c.at, c.id", OrderStatusChange.class)
                .setParameter("id", order.id).getResultList().stream()
                .map(c -> new AdminOrderDto.StatusChangeDto(c.fromStatus, c.toStatus, c.at, c.actor, c.note)).toList();
        List<RefundDto> refundList = em.createQuery(
                "select r from Refund r where r.orderId = :id order by r.createdAt, r.id", Refund.class)
                .setParameter("id", order.id).getResultList().stream()
                .map(RefundDto::of).toList();
        return AdminOrderDto.of(orders.dto(order), order.userId, history, refundList);
    }
}
