package com.acme.shop.ordering;

import com.acme.shop.cart.CartOwner;
import com.acme.shop.cart.Carts;
import com.acme.shop.catalog.Stock;
import com.acme.shop.identity.Accounts;
import com.acme.shop.ordering.dto.CheckoutRequest;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.payment.PaymentProvider;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Emails;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a locked cart into an order, in the caller's transaction: take stock line by line (in product-id order,
 * so two checkouts cannot deadlock), price on the server, snapshot, empty the cart, queue the mails. Any short
 * line throws, and the caller's rollback undoes every take: nothing is ordered.
 */
@ApplicationScoped
public class OrderPlacement {

    private final EntityManager em;
    private final Carts carts;
    private final Stock stock;
    private final Pricing pricing;
    private final StoreConfig store;
    private final OrderRows rows;
    private final Orders orders;
    private final OrderMails mails;
    private final Accounts accounts;

    OrderPlacement(EntityManager em, Carts carts, Stock stock, Pricing pricing, StoreConfig store, OrderRows rows,
            Orders orders, OrderMails mails, Accounts accounts) {
        this.em = em;
        this.carts = carts;
        this.stock = stock;
        this.pricing = pricing;
        this.store = store;
        this.rows = rows;
        this.orders = orders;
        this.mails = mails;
        this.accounts = accounts;
    }

    @Transactional(TxType.MANDATORY)
    public OrderDto place(CartOwner owner, CheckoutRequest request, PaymentProvider payment) {
        Carts.Checkout cart = carts.lockForCheckout(owner).filter(c -> !c.lines().isEmpty())
                .orElseThrow(() -> ApiException.conflict("cart_empty", "The cart is empty"));
        UUID orderId = UUID.randomUUID();
        List<OrderLine> bought = takeStock(orderId, cart.lines());
        Pricing.Totals totals = pricing.totals(bought.stream().mapToLong(l -> l.lineTotalCents).sum());
        if (request.expectedTotalCents() != null && request.expectedTotalCents() != totals.totalCents()) {
            throw new ApiException(409, "price_changed", "Price changed",
                    "The total is now " + totals.totalCents() + ", not " + request.expectedTotalCents()
                            + "; review the cart and confirm again");
        }
        String trackingToken = SecureTokens.newToken();
        Order order = newOrder(orderId, owner, request, totals, trackingToken, payment);
        order.persist();
        bought.forEach(line -> line.persist());
        order.placed(owner.isGuest() ? "guest" : "customer");
        carts.empty(cart.cartId());
        em.flush();

        OrderDto placed = orders.dto(order, bought);
        // An online payment confirms the order when it arrives: its mail is written now and held until then.
        mails.placed(placed, owner.isGuest() ? trackingToken : null, payment.provisionalHold().isPresent());
        return placed;
    }

    /** Every line's stock, or an insufficient_stock naming each short line (and the caller rolls back the rest). */
    private List<OrderLine> takeStock(UUID orderId, List<Stock.Line> lines) {
        List<OrderLine> bought = new ArrayList<>(lines.size());
        List<FieldError> shortLines = new ArrayList<>();
        for (Stock.Line line : lines) {
            Optional<Stock.Taken> taken = stock.take(line.productId(), line.quantity());
            if (taken.isEmpty()) {
                shortLines.add(new FieldError(line.productId().toString(),
                        "only " + stock.available(line.productId()) + " in stock, " + line.quantity() + " requested"));
                continue;
            }
            bought.add(OrderLine.of(orderId, bought.size() + 1, taken.get(), line.quantity()));
        }
        if (!shortLines.isEmpty()) {
            throw new ApiException(409, "insufficient_stock", "Insufficient stock",
                    "Some lines exceed the stock; nothing was ordered", shortLines);
        }
        return bought;
    }

    private Order newOrder(UUID id, CartOwner owner, CheckoutRequest request, Pricing.Totals totals,
            String trackingToken, PaymentProvider payment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Order order = new Order();
        order.id = id;
        order.number = rows.nextOrderNumber();
        order.userId = owner.userId();
        order.email = owner.isGuest() ? Emails.normalise(request.email()) : accounts.me(owner.userId()).email();
        order.status = OrderStatus.PENDING_PAYMENT;
        order.currency = store.currency();
        order.subtotalCents = totals.subtotalCents();
        order.shippingCents = totals.shippingCents();
        order.taxCents = totals.taxCents();
        order.totalCents = totals.totalCents();
        order.paymentProvider = payment.method();
        order.paymentStatus = PaymentStatus.PENDING;
        order.trackingTokenHash = SecureTokens.hash(trackingToken);
        order.shippingAddress = request.shippingAddress().toSnapshot();
        order.createdAt = now;
        order.updatedAt = now;
        // An online payment holds the stock for the life of its session; until the session exists, a provisional
        // expiry (a little longer) lets the sweep free the stock should the session never be created.
        order.paymentExpiresAt = payment.provisionalHold().map(now::plus).orElse(null);
        return order;
    }
}
