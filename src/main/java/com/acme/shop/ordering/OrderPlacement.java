package com.acme.shop.ordering;

import com.acme.shop.cart.CartOwner;
import com.acme.shop.cart.Carts;
import com.acme.shop.catalog.Stock;
import com.acme.shop.identity.AccountEmails;
import com.acme.shop.ordering.dto.CheckoutRequest;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.payment.PaymentProvider;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Emails;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.StoreConfig;
import com.acme.shop.promotion.Promotions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a locked cart into an order, in the caller's transaction: price on the server, snapshot, empty the cart,
 * queue the mails ({@link #place}), then, last, take the stock line by line and the code's use ({@link #take}). Any
 * short line or spent limit throws, and the caller's rollback undoes everything: nothing is ordered.
 */
@ApplicationScoped
public class OrderPlacement {

    private final Carts carts;
    private final Stock stock;
    private final Pricing pricing;
    private final StoreConfig store;
    private final OrderRows rows;
    private final Orders orders;
    private final OrderMails mails;
    private final AccountEmails emails;
    private final Promotions promotions;

    OrderPlacement(Carts carts, Stock stock, Pricing pricing, StoreConfig store, OrderRows rows,
            Orders orders, OrderMails mails, AccountEmails emails, Promotions promotions) {
        this.promotions = promotions;
        this.carts = carts;
        this.stock = stock;
        this.pricing = pricing;
        this.store = store;
        this.rows = rows;
        this.orders = orders;
        this.mails = mails;
        this.emails = emails;
    }

    /**
     * An order written in full but for its stock and its code's use, which {@link #take} takes last; {@code applied}
     * is null when the order has no code, {@code customerKey} whom its use counts against.
     */
    public record Placed(OrderDto order, List<Stock.Line> stock, List<OrderLine> lines, List<String> keys,
            Promotions.Applied applied, String customerKey) {
    }

    /**
     * Writes the order from the locked cart at the catalog's current prices: lines, totals, history, the cart
     * emptied, the mails queued. Stock and the code's use are checked but not taken: the caller takes them last
     * ({@link #take}), just before its commit, so a product's row and a promotion's are locked only for the takes
     * and the commit, not for the rest of the order's writes. One hot product, or one code every shopper uses, then
     * serialises checkouts for the least time it can.
     */
    @Transactional(TxType.MANDATORY)
    public Placed place(CartOwner owner, CheckoutRequest request, PaymentProvider payment) {
        Carts.Checkout cart = carts.lockForCheckout(owner).filter(c -> !c.lines().isEmpty())
                .orElseThrow(() -> ApiException.conflict("cart_empty", "The cart is empty"));
        UUID orderId = UUID.randomUUID();
        List<String> keys = new ArrayList<>();
        List<OrderLine> bought = price(orderId, cart.lines(), keys);
        // The cart's code is checked again here, under the cart's lock, at the prices the order is placed at: became
        // invalid since it was applied -> 409 promotion_invalid; its use is taken last, in take().
        Promotions.Applied applied = cart.promotionCode() == null ? null : promotions.check(cart.promotionCode(),
                bought.stream().map(l -> new Promotions.Line(l.productId, l.lineTotalCents)).toList(), 409);
        long subtotal = bought.stream().mapToLong(l -> l.lineTotalCents).sum();
        Pricing.Totals totals = applied == null ? pricing.totals(subtotal)
                : pricing.totals(subtotal, applied.discountCents(), applied.freeShipping());
        if (applied != null) {
            for (int i = 0; i < bought.size(); i++) {
                bought.get(i).discountCents = applied.lineDiscounts().get(i);
            }
        }
        if (request.expectedTotalCents() != null && request.expectedTotalCents() != totals.totalCents()) {
            throw new ApiException(409, "price_changed", "Price changed",
                    "The total is now " + totals.totalCents() + ", not " + request.expectedTotalCents()
                            + "; review the cart and confirm again");
        }
        String trackingToken = SecureTokens.newToken();
        Order order = newOrder(orderId, owner, request, totals, trackingToken, payment);
        if (applied != null) {
            order.discountCents = applied.discountCents();
            order.promotionCode = applied.code();
        }
        // Inserted at once: the order, its lines (one batch) and its first history entry.
        rows.insert(order, bought, order.placed(owner.isGuest() ? "guest" : "customer"));
        carts.empty(cart);

        OrderDto placed = orders.dto(order, bought);
        // An online payment confirms the order when it arrives: its mail is written now and held until then.
        mails.placed(placed, owner.isGuest() ? trackingToken : null, payment.provisionalHold().isPresent());
        // An account's uses count by its id, a guest's by their email.
        return new Placed(placed, cart.lines(), bought, keys, applied,
                owner.isGuest() ? Promotions.guestKey(order.email) : Promotions.accountKey(owner.userId()));
    }

    /**
     * Takes every line's stock, in variant-id order, then the code's use (stock before promotion, as a cancel gives
     * them back: two transactions never deadlock), or throws: insufficient_stock naming each short line,
     * price_changed should a product have changed since {@link #place} priced it, or promotion_exhausted should the
     * code's usage limit or the customer's be reached. The caller's rollback then undoes the order and every take:
     * nothing is ordered. The caller commits right after.
     */
    @Transactional(TxType.MANDATORY)
    public void take(Placed placed) {
        List<FieldError> shortLines = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < placed.stock().size(); i++) {
            Stock.Line line = placed.stock().get(i);
            Optional<Stock.Taken> taken = stock.take(line.variantId(), line.quantity());
            if (taken.isEmpty()) {
                shortLines.add(shortLine(placed.keys().get(i), line, stock.available(line.variantId())));
            } else if (!taken.get().equals(placed.lines().get(i).product())) {
                changed = true;
            }
        }
        if (!shortLines.isEmpty()) {
            throw insufficientStock(shortLines);
        }
        if (changed) {
            throw new ApiException(409, "price_changed", "Price changed",
                    "A product changed while the order was placed; review the cart and confirm again");
        }
        if (placed.applied() != null) {
            promotions.redeem(placed.order().id(), placed.applied(), placed.customerKey());
        }
    }

    /**
     * The lines at the catalog's prices, or an insufficient_stock naming each line the stock cannot cover now by its
     * key (the variant id, or the product id for a product with a single variant, as v1). {@code keys} gets each
     * line's key.
     */
    private List<OrderLine> price(UUID orderId, List<Stock.Line> lines, List<String> keys) {
        Map<UUID, Stock.Item> variants = stock.items(lines.stream().map(Stock.Line::variantId).toList());
        List<OrderLine> bought = new ArrayList<>(lines.size());
        List<FieldError> shortLines = new ArrayList<>();
        for (Stock.Line line : lines) {
            Stock.Item variant = variants.get(line.variantId());
            String key = variant == null ? line.variantId().toString() : variant.key();
            keys.add(key);
            int available = variant == null ? 0 : variant.available();
            if (available < line.quantity()) {
                shortLines.add(shortLine(key, line, available));
                continue;
            }
            bought.add(OrderLine.of(orderId, bought.size() + 1, new Stock.Taken(variant.productId(),
                    variant.variantId(), variant.sku(), variant.name(), variant.priceCents()), variant.options(),
                    line.quantity()));
        }
        if (!shortLines.isEmpty()) {
            throw insufficientStock(shortLines);
        }
        return bought;
    }

    private static FieldError shortLine(String key, Stock.Line line, int available) {
        return new FieldError(key,
                "only " + available + " in stock, " + line.quantity() + " requested");
    }

    private static ApiException insufficientStock(List<FieldError> shortLines) {
        return new ApiException(409, "insufficient_stock", "Insufficient stock",
                "Some lines exceed the stock; nothing was ordered", shortLines);
    }

    private Order newOrder(UUID id, CartOwner owner, CheckoutRequest request, Pricing.Totals totals,
            String trackingToken, PaymentProvider payment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Order order = new Order();
        order.id = id;
        order.number = rows.nextOrderNumber();
        order.userId = owner.userId();
        order.email = owner.isGuest() ? Emails.normalise(request.email()) : emails.of(owner.userId());
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
