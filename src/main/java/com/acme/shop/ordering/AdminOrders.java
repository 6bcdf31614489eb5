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
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The back office's orders: search, detail with history and refunds, and status changes. */
@ApplicationScoped
public class AdminOrders {

    private final OrderRows rows;
    private final Orders orders;
    private final Refunds refunds;
    private final OrderMails mails;
    private final Audit audit;

    AdminOrders(OrderRows rows, Orders orders, Refunds refunds, OrderMails mails, Audit audit) {
        this.rows = rows;
        this.orders = orders;
        this.refunds = refunds;
        this.mails = mails;
        this.audit = audit;
    }

    /** Filters of the admin order list; {@code from}/{@code to} are inclusive UTC dates. */
    public record Filter(OrderStatus status, LocalDate from, LocalDate to, UUID userId, String email, String q) {
    }

    public Page<OrderDto> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.from() != null) {
            where.append(" AND created_at >= ?");
            params.add(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.to() != null) {
            where.append(" AND created_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.userId() != null) {
            where.append(" AND user_id = ?");
            params.add(filter.userId());
        }
        if (filter.email() != null && !filter.email().isBlank()) {
            where.append(" AND email = ?");
            params.add(Emails.normalise(filter.email()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND number ILIKE ? ESCAPE '\\'");
            params.add(LikePatterns.contains(filter.q()));
        }
        List<Order> found = rows.page(where.toString(), params, page.offset(), page.size());
        return Page.of(orders.dtos(found), page, rows.count(where.toString(), params));
    }

    public AdminOrderDto get(UUID id) {
        return detail(rows.order(id).orElseThrow(() -> ApiException.notFound("Order")));
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
        orders.save(order);
        audit.record("order.status_changed", "order", id, before,
                Map.of("status", order.status, "trackingNumber", String.valueOf(order.trackingNumber)));
        return detail(order);
    }

    private AdminOrderDto detail(Order order) {
        List<AdminOrderDto.StatusChangeDto> history = rows.history(order.id).stream()
                .map(c -> new AdminOrderDto.StatusChangeDto(c.fromStatus, c.toStatus, c.at, c.actor, c.note)).toList();
        List<RefundDto> refundList = rows.refunds(order.id).stream().map(RefundDto::of).toList();
        return AdminOrderDto.of(orders.dto(order), order.userId, history, refundList);
    }
}
