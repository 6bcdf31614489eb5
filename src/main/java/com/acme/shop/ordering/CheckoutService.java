package com.acme.shop.ordering;

import com.acme.shop.cart.CartOwner;
import com.acme.shop.cart.CartService;
import com.acme.shop.identity.AuthService;
import com.acme.shop.ordering.dto.CheckoutRequest;
import com.acme.shop.ordering.dto.CheckoutResponse;
import com.acme.shop.ordering.dto.OrderDto;
import com.acme.shop.identity.GuestInvites;
import com.acme.shop.notification.MailMessages;
import com.acme.shop.notification.Mails;
import com.acme.shop.notification.Money;
import com.acme.shop.ordering.dto.ShippingAddressDto;
import com.acme.shop.payment.PaymentMethod;
import com.acme.shop.payment.PaymentProvider;
import com.acme.shop.payment.StripeGateway;
import com.acme.shop.payment.StripePayments;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.IdempotencyKeys;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.StoreConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a cart into an order in one transaction: lock the cart, take stock line by line with conditional
 * updates (in product-id order, so two checkouts cannot deadlock), price on the server, snapshot, empty the
 * cart, queue the emails, record the idempotent answer, commit. Any short line rolls everything back.
 */
@ApplicationScoped
public class CheckoutService {

    private final EntityManager em;
    private final CartService carts;
    private final Pricing pricing;
    private final StoreConfig store;
    private final StripePayments stripe;
    private final Map<PaymentMethod, PaymentProvider> providers = new java.util.EnumMap<>(PaymentMethod.class);
    private final IdempotencyKeys idempotency;
    private final Mails mails;
    private final GuestInvites invites;
    private final String publicBaseUrl;
    private final OrderService orders;
    private final AuthService accounts;
    private final ObjectMapper json;

    CheckoutService(EntityManager em, CartService carts, Pricing pricing, StoreConfig store, StripePayments stripe, jakarta.enterprise.inject.Instance<PaymentProvider> allProviders,
            IdempotencyKeys idempotency, Mails mails, GuestInvites invites, OrderService orders,
            AuthService accounts, ObjectMapper json,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "shop.public-base-url") String publicBaseUrl) {
        this.mails = mails;
        this.invites = invites;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.em = em;
        this.carts = carts;
        this.pricing = pricing;
        this.store = store;
        this.stripe = stripe;
        allProviders.forEach(provider -> providers.put(provider.method(), provider));
        this.idempotency = idempotency;
        this.orders = orders;
        this.accounts = accounts;
        this.json = json;
    }

    /** The answer to send: the first execution's, or a replay of it (same status, same bytes). */
    public record Answer(int status, String body) {
    }

    public Answer checkout(CartOwner owner, String idempotencyKey, CheckoutRequest request) {
        IdempotencyKeys.requireValid(idempotencyKey);
        if (!providers.get(request.paymentMethod()).available()) {
            throw new ApiException(503, "payment_unavailable", "Payment unavailable",
                    "Card payments are not configured; choose another payment method");
        }
        if (owner.isGuest() && (request.email() == null || request.email().isBlank())) {
            throw ApiException.validation("email", "is required for guest checkout");
        }
        Object claimed = idempotency.claim(scope(owner), idempotencyKey, hash(request));
        if (claimed instanceof IdempotencyKeys.Replay replay) {
            return new Answer(replay.status(), replay.body());
        }
        IdempotencyKeys.Claim claim = (IdempotencyKeys.Claim) claimed;
        try {
            Placed placed = QuarkusTransaction.requiringNew().call(() -> place(owner, request, claim));
            return placed.answer() != null ? placed.answer() : startStripeSession(placed.order(), claim);
        } catch (RuntimeException e) {
            idempotency.release(claim);
            throw e;
        }
    }

    /** A committed order, and its answer if it is already final (manual payment). */
    private record Placed(OrderDto order, Answer answer) {
    }

    /**
     * The Stripe call happens after the order (and its stock) committed, outside any transaction. If Stripe
     * fails, the order is cancelled at once and its stock returned, the key released, and the client told 503
     * payment_unavailable: it may retry with the same key. Should this process die before either, the expiry
     * sweep returns the stock once the provisional expiry passes.
     */
    private Answer startStripeSession(OrderDto order, IdempotencyKeys.Claim claim) {
        Instant expiresAt = Instant.now().plus(stripe.sessionLifetime()).truncatedTo(ChronoUnit.SECONDS);
        StripeGateway.CreatedSession session;
        try {
            session = stripe.start(new StripeGateway.SessionRequest(order.id(), order.number(), order.email(),
                    order.currency(), sessionItems(order), expiresAt));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                Order placed = orders.lockForUpdate(order.id());
                if (placed.status == OrderStatus.PENDING_PAYMENT) {
                    orders.abandonPayment(placed, "system", "payment session could not be created");
                }
            });
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Order placed = orders.lockForUpdate(order.id());
            placed.paymentReference = session.id();
            placed.paymentExpiresAt = expiresAt;
            em.flush();
            String body = write(new CheckoutResponse(orders.dto(placed),
                    new CheckoutResponse.CheckoutPayment(placed.paymentProvider, placed.paymentStatus, session.url())));
            idempotency.complete(claim, 201, body);
            return new Answer(201, body);
        });
    }

    /** The order's lines, and its shipping and tax as lines of their own, so Stripe charges the order's total. */
    private static List<StripeGateway.Item> sessionItems(OrderDto order) {
        List<StripeGateway.Item> items = new ArrayList<>();
        order.items().forEach(i -> items.add(new StripeGateway.Item(i.name(), i.unitPriceCents(), i.quantity())));
        if (order.shippingCents() > 0) {
            items.add(new StripeGateway.Item("Shipping", order.shippingCents(), 1));
        }
        if (order.taxCents() > 0) {
            items.add(new StripeGateway.Item("Tax", order.taxCents(), 1));
        }
        return items;
    }

    static MailMessages.OrderConfirmation confirmationMail(OrderDto order, String trackingUrl) {
        String currency = order.currency();
        ShippingAddressDto a = order.shippingAddress();
        return new MailMessages.OrderConfirmation(order.number(), order.items().stream()
                .map(i -> new MailMessages.Line(i.name(), i.quantity(), Money.format(i.unitPriceCents(), currency),
                        Money.format(i.lineTotalCents(), currency))).toList(),
                Money.format(order.subtotalCents(), currency), Money.format(order.shippingCents(), currency),
                Money.format(order.taxCents(), currency), Money.format(order.totalCents(), currency),
                String.join(", ", java.util.stream.Stream.of(a.fullName(), a.line1(), a.line2(), a.postalCode() + " " + a.city(),
                        a.region(), a.country()).filter(p -> p != null && !p.isBlank()).toList()),
                trackingUrl);
    }

    private Placed place(CartOwner owner, CheckoutRequest request, IdempotencyKeys.Claim claim) {
        UUID cartId = carts.lockCart(owner).orElseThrow(CheckoutService::cartEmpty);
        List<CartService.Line> lines = carts.lines(cartId);
        if (lines.isEmpty()) {
            throw cartEmpty();
        }
        UUID orderId = UUID.randomUUID();
        List<OrderLine> bought = new ArrayList<>(lines.size());
        List<FieldError> shortLines = new ArrayList<>();
        for (CartService.Line line : lines) {
            // The decrement happens only if the stock is there; the row lock it takes makes the check and the
            // write one step, so no interleaving of checkouts (on any instance) can oversell.
            List<?> taken = em.createNativeQuery("""
                    UPDATE product SET stock = stock - ?2 WHERE id = ?1 AND active AND stock >= ?2
                    RETURNING sku, name, price_cents
                    """).setParameter(1, line.productId()).setParameter(2, line.quantity()).getResultList();
            if (taken.isEmpty()) {
                shortLines.add(new FieldError(line.productId().toString(),
                        "only " + available(line.productId()) + " in stock, " + line.quantity() + " requested"));
                continue;
            }
            Object[] product = (Object[]) taken.get(0);
            OrderLine orderLine = new OrderLine();
            orderLine.orderId = orderId;
            orderLine.lineNo = bought.size() + 1;
            orderLine.productId = line.productId();
            orderLine.sku = (String) product[0];
            orderLine.name = (String) product[1];
            orderLine.unitPriceCents = ((Number) product[2]).longValue();
            orderLine.quantity = line.quantity();
            orderLine.lineTotalCents = Math.multiplyExact(orderLine.unitPriceCents, (long) line.quantity());
            bought.add(orderLine);
        }
        if (!shortLines.isEmpty()) {
            throw new ApiException(409, "insufficient_stock", "Insufficient stock",
                    "Some lines exceed the stock; nothing was ordered", shortLines);
        }
        Pricing.Totals totals = pricing.totals(bought.stream().mapToLong(l -> l.lineTotalCents).sum());
        if (request.expectedTotalCents() != null && request.expectedTotalCents() != totals.totalCents()) {
            throw new ApiException(409, "price_changed", "Price changed",
                    "The total is now " + totals.totalCents() + ", not " + request.expectedTotalCents()
                            + "; review the cart and confirm again");
        }

        String trackingToken = SecureTokens.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Order order = new Order();
        order.id = orderId;
        order.number = "SO-" + em.createNativeQuery("SELECT nextval('order_number_seq')").getSingleResult();
        order.userId = owner.userId();
        order.email = owner.isGuest() ? request.email().trim().toLowerCase(java.util.Locale.ROOT)
                : accounts.me(owner.userId()).email();
        order.status = OrderStatus.PENDING_PAYMENT;
        order.currency = store.currency();
        order.subtotalCents = totals.subtotalCents();
        order.shippingCents = totals.shippingCents();
        order.taxCents = totals.taxCents();
        order.totalCents = totals.totalCents();
        order.paymentProvider = request.paymentMethod().value();
        order.trackingTokenHash = SecureTokens.hash(trackingToken);
        order.shippingAddress = request.shippingAddress().toSnapshot();
        order.createdAt = now;
        order.updatedAt = now;
        boolean byStripe = request.paymentMethod() == PaymentMethod.STRIPE;
        order.paymentStatus = "pending";
        // Stock is held for the life of the Stripe session; until the session exists, a provisional expiry
        // (a little longer) lets the sweep free the stock should the session never be created.
        order.paymentExpiresAt = byStripe ? now.plus(stripe.sessionLifetime()).plus(5, ChronoUnit.MINUTES) : null;
        order.persist();
        bought.forEach(line -> line.persist());
        order.placed(owner.isGuest() ? "guest" : "customer");
        carts.empty(cartId);
        em.flush();

        OrderDto placed = orders.dto(order);
        // A Stripe order is confirmed when paid: the mail is written now (only now is the tracking token known)
        // and held until then.
        mails.orderConfirmation(order.email, confirmationMail(placed,
                owner.isGuest() ? publicBaseUrl + "/orders/track/" + trackingToken : null),
                OrderService.confirmationKey(order.id), byStripe);
        if (owner.isGuest()) {
            invites.issue(order.email).ifPresent(token -> mails.guestInvite(order.email,
                    new MailMessages.GuestInvite(order.number, publicBaseUrl + "/register?invite=" + token)));
        }
        if (byStripe) {
            return new Placed(placed, null);
        }
        String body = write(new CheckoutResponse(placed,
                new CheckoutResponse.CheckoutPayment(order.paymentProvider, order.paymentStatus, null)));
        idempotency.complete(claim, 201, body);
        return new Placed(placed, new Answer(201, body));
    }

    private int available(UUID productId) {
        List<?> rows = em.createNativeQuery("SELECT CASE WHEN active THEN stock ELSE 0 END FROM product WHERE id = ?1")
                .setParameter(1, productId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    /** Keys belong to a user, or to a guest cart (the hash of its cookie); two shoppers never share a key space. */
    private static String scope(CartOwner owner) {
        if (!owner.isGuest()) {
            return "user:" + owner.userId();
        }
        return "guest:" + (SecureTokens.looksValid(owner.guestToken())
                ? HexFormat.of().formatHex(SecureTokens.hash(owner.guestToken())) : "none");
    }

    private byte[] hash(CheckoutRequest request) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException cartEmpty() {
        return ApiException.conflict("cart_empty", "The cart is empty");
    }
}
