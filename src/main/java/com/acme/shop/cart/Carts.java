package com.acme.shop.cart;

import com.acme.shop.cart.dto.CartDto;
import com.acme.shop.cart.dto.CartItemDto;
import com.acme.shop.cart.dto.CartPromotionRefusedDto;
import com.acme.shop.catalog.Stock;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.RateLimitConfig;
import com.acme.shop.platform.RateLimitedException;
import com.acme.shop.platform.RateLimits;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.SecurityEvents;
import com.acme.shop.platform.StoreConfig;
import com.acme.shop.promotion.Promotions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Carts live in PostgreSQL. Every write locks its cart row first ({@link CartRows#lock}), so concurrent requests
 * on one cart happen one after the other and never lose an update; a line never exceeds the stock the catalog
 * reports at the time of the write (checkout, not the cart, holds stock). Prices are never stored in a cart: it
 * always shows the product's current price.
 */
@ApplicationScoped
public class Carts {

    private static final Logger LOG = Logger.getLogger(Carts.class);
    static final int MAX_LINE_QUANTITY = 99;
    private static final int PURGE_BATCH = 500;
    static final String PROMOTION_FAILURES = "promotion-failures";

    private final CartRows rows;
    private final Stock stock;
    private final StoreConfig store;
    private final CartConfig config;
    private final CartQuote pricing;
    private final Promotions promotions;
    private final RateLimits rateLimits;
    private final RateLimitConfig limits;
    private final SecurityEvents security;

    Carts(CartRows rows, Stock stock, StoreConfig store, CartConfig config, CartQuote pricing, Promotions promotions,
            RateLimits rateLimits, RateLimitConfig limits, SecurityEvents security) {
        this.promotions = promotions;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.security = security;
        this.rows = rows;
        this.stock = stock;
        this.store = store;
        this.config = config;
        this.pricing = pricing;
    }

    /** A write's answer: the cart, and the token of a guest cart it had to create (to set as the cookie). */
    public record Written(CartDto cart, String newGuestToken) {
    }

    @Transactional
    public CartDto view(CartOwner owner) {
        return render(find(owner).orElse(null));
    }

    /**
     * Adds to the line of a variant; the line may hold at most 99 units and at most what is in stock. Without
     * {@code variantId} the product must have a single active variant.
     */
    @Transactional
    public Written add(CartOwner owner, UUID productId, UUID variantId, int quantity) {
        Stock.Item variant = chosenVariant(productId, variantId);
        CartRef cart = lockOrCreate(owner);
        // One guarded statement adds the units if the line stays within both limits; only a refusal reads the line.
        if (!rows.addWithin(cart.ref().id(), productId, variant.variantId(), quantity,
                Math.min(MAX_LINE_QUANTITY, variant.available()))) {
            int inCart = rows.quantity(cart.ref().id(), variant.variantId());
            if (inCart + quantity > MAX_LINE_QUANTITY) {
                throw ApiException.validation("quantity", "a line can hold at most " + MAX_LINE_QUANTITY
                        + " units (" + inCart + " already in the cart)");
            }
            throw insufficientStock(variant.key(), variant.available(), inCart);
        }
        return new Written(render(cart.ref()), cart.newToken());
    }

    /** The active variant a shopper adds: the one named (it must be the product's), or the product's only one. */
    private Stock.Item chosenVariant(UUID productId, UUID variantId) {
        Map<UUID, Stock.Item> variants = stock.variantsOf(productId);
        List<Stock.Item> active = variants.values().stream().filter(Stock.Item::active).toList();
        if (active.isEmpty()) {
            throw ApiException.notFound("Product");
        }
        if (variantId == null) {
            if (active.size() > 1) {
                throw ApiException.validation("variantId", "is required: the product has " + active.size()
                        + " variants");
            }
            return active.get(0);
        }
        Stock.Item variant = variants.get(variantId);
        if (variant == null || !variant.active()) {
            throw ApiException.notFound("Variant");
        }
        return variant;
    }

    /** Sets the quantity of the line {@code key}: a variant id, or the product id of a single-variant line. */
    @Transactional
    public CartDto setQuantity(CartOwner owner, UUID key, int quantity) {
        CartRows.Ref cart = lockExisting(owner).orElseThrow(Carts::noSuchLine);
        UUID cartId = cart.id();
        CartRows.Line line = lineByKey(cartId, key).orElseThrow(Carts::noSuchLine);
        if (quantity == 0) {
            rows.deleteLine(cartId, line.variantId());
        } else {
            Stock.Item variant = stock.item(line.variantId()).orElseThrow(Carts::noSuchLine);
            if (quantity > variant.available()) {
                throw insufficientStock(variant.key(), variant.available(), 0);
            }
            rows.upsertLine(cartId, line.productId(), line.variantId(), quantity);
        }
        return render(cart);
    }

    @Transactional
    public CartDto remove(CartOwner owner, UUID key) {
        Optional<CartRows.Ref> cart = lockExisting(owner);
        cart.ifPresent(c -> lineByKey(c.id(), key).ifPresent(line -> rows.deleteLine(c.id(), line.variantId())));
        return render(cart.orElse(null));
    }

    /** The line with this variant id, else the product's line when the cart holds exactly one of that product. */
    private Optional<CartRows.Line> lineByKey(UUID cartId, UUID key) {
        List<CartRows.Line> lines = rows.lines(cartId);
        Optional<CartRows.Line> byVariant = lines.stream().filter(l -> l.variantId().equals(key)).findFirst();
        if (byVariant.isPresent()) {
            return byVariant;
        }
        List<CartRows.Line> ofProduct = lines.stream().filter(l -> l.productId().equals(key)).toList();
        return ofProduct.size() == 1 ? Optional.of(ofProduct.get(0)) : Optional.empty();
    }

    /**
     * Applies a code, replacing the cart's code (one per cart), if it discounts this cart now: else 422
     * {@code promotion_invalid} or 409 {@code promotion_exhausted}, and the cart keeps the code it had.
     *
     * <p>With {@code RATE_LIMIT_PROMOTION_FAILURES} set, guessing codes is limited per client address
     * ({@code client}), in PostgreSQL so every instance counts the same guesses, as order lookups are per email: each
     * attempt is counted before the check and a code that applies takes its count back, so concurrent guesses never
     * exceed the limit; once it is reached every code from that address is 429 until the window passes, right or
     * wrong (a guess learns nothing). A new guest cart per guess does not help: the count is the address's.
     */
    @Transactional
    public CartDto applyPromotion(CartOwner owner, String code, String client) {
        OptionalInt limit = limits.promotionFailures();
        if (limit.isPresent()) {
            try {
                rateLimits.hit(PROMOTION_FAILURES, client, limit.getAsInt(), limits.promotionFailureWindow());
            } catch (RateLimitedException e) {
                security.record(SecurityEvents.Event.PROMOTION_THROTTLED, "client", client);
                throw e;
            }
        }
        Optional<CartRows.Ref> cart = lockExisting(owner);
        List<CartItemDto> items = cart.map(c -> items(c.id())).orElse(List.of());
        Promotions.Applied applied = promotions.check(code, promotionLines(items), 422);
        if (limit.isPresent()) {
            rateLimits.refund(PROMOTION_FAILURES, client);
        }
        rows.setPromotionCode(cart.orElseThrow().id(), applied.code());
        // The cart is shown from what was just read and checked: nothing else changed under its lock.
        return CartDto.of(cart.get().id(), items, store.currency(), pricing, discount(applied));
    }

    /** Removes the cart's code if it is this one (case-insensitively); the cart either way. */
    @Transactional
    public CartDto removePromotion(CartOwner owner, String code) {
        Optional<CartRows.Ref> cart = lockExisting(owner);
        if (cart.isPresent() && cart.get().promotionCode() != null
                && cart.get().promotionCode().equalsIgnoreCase(code.trim())) {
            rows.setPromotionCode(cart.get().id(), null);
            cart = Optional.of(new CartRows.Ref(cart.get().id(), null));
        }
        return render(cart.orElse(null));
    }

    @Transactional
    public void clear(CartOwner owner) {
        lockExisting(owner).ifPresent(cart -> rows.deleteLines(cart.id()));
    }

    /**
     * Moves a guest cart into the user's cart at sign-in: quantities are added and capped at stock (a user's
     * own line is never reduced), then the guest cart is deleted. The guest cart is locked first, so two
     * sign-ins carrying the same cookie merge it once; merging again finds nothing.
     */
    @Transactional
    public void mergeGuestCart(String guestToken, UUID userId) {
        if (!SecureTokens.looksValid(guestToken)) {
            return;
        }
        Optional<CartRows.Ref> guest = rows.byTokenHash(SecureTokens.hash(guestToken), true);
        if (guest.isEmpty()) {
            return;
        }
        UUID guestCart = guest.get().id();
        CartRows.Ref user = rows.lock(findOrCreate(CartOwner.user(userId)).ref().id());
        UUID userCart = user.id();
        List<CartRows.Line> guestLines = rows.lines(guestCart);
        Map<UUID, Stock.Item> variants = stock.items(guestLines.stream().map(CartRows.Line::variantId).toList());
        Map<UUID, Integer> owned = rows.lines(userCart).stream()
                .collect(Collectors.toMap(CartRows.Line::variantId, CartRows.Line::quantity));
        for (CartRows.Line line : guestLines) {
            Stock.Item variant = variants.get(line.variantId());
            if (variant == null || variant.available() == 0) {
                continue;
            }
            int own = owned.getOrDefault(line.variantId(), 0);
            int merged = Math.max(own, Math.min(own + line.quantity(),
                    Math.min(variant.available(), MAX_LINE_QUANTITY)));
            if (merged > own) {
                rows.upsertLine(userCart, line.productId(), line.variantId(), merged, line.addedAt());
            }
        }
        // The guest's code comes along when the user's cart has none (the user's own code wins).
        if (guest.get().promotionCode() != null && user.promotionCode() == null) {
            rows.setPromotionCode(userCart, guest.get().promotionCode());
        }
        rows.deleteCart(guestCart);
    }

    /**
     * Deletes guest carts idle for longer than {@code shop.cart.guest-ttl}, a batch at a time. SKIP LOCKED lets
     * several instances purge side by side and never waits on a cart someone is using.
     */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purgeIdleGuestCarts() {
        int deleted;
        int total = 0;
        do {
            deleted = purgeBatch(Instant.now().minus(config.guestTtl()));
            total += deleted;
        } while (deleted > 0);
        if (total > 0) {
            LOG.infof("Purged %d idle guest carts", total);
        }
    }

    @Transactional
    int purgeBatch(Instant idleSince) {
        return rows.deleteIdleGuestCarts(idleSince, PURGE_BATCH);
    }

    // --- for checkout --------------------------------------------------------------------------------

    /** A cart locked for checkout: its lines in variant-id order (the order stock is taken in). */
    public record Checkout(UUID cartId, List<Stock.Line> lines, String promotionCode) {
    }

    /** The caller's cart, locked for the rest of the caller's transaction; empty if there is none. */
    @Transactional(TxType.MANDATORY)
    public Optional<Checkout> lockForCheckout(CartOwner owner) {
        return lockExisting(owner).map(cart -> new Checkout(cart.id(), rows.linesByVariant(cart.id()).stream()
                .map(l -> new Stock.Line(l.productId(), l.variantId(), l.quantity())).toList(),
                cart.promotionCode()));
    }

    /** The order took the cart's lines and its code; in the checkout's transaction. */
    @Transactional(TxType.MANDATORY)
    public void empty(Checkout cart) {
        rows.deleteLines(cart.cartId());
        if (cart.promotionCode() != null) {
            rows.setPromotionCode(cart.cartId(), null);
        }
    }

    // --- internals -------------------------------------------------------------------------------------

    /** A cart a write found or created, and the token of a guest cart it created. */
    private record CartRef(CartRows.Ref ref, String newToken) {
    }

    private Optional<CartRows.Ref> find(CartOwner owner) {
        if (!owner.isGuest()) {
            return rows.byUser(owner.userId());
        }
        if (SecureTokens.looksValid(owner.guestToken())) {
            return rows.byTokenHash(SecureTokens.hash(owner.guestToken()), false);
        }
        return Optional.empty();
    }

    /** The caller's cart, locked ({@link CartRows#lock}); created (and locked) if there is none. */
    private CartRef lockOrCreate(CartOwner owner) {
        Optional<CartRows.Ref> existing = lockExisting(owner);
        if (existing.isPresent()) {
            return new CartRef(existing.get(), null);
        }
        CartRef created = findOrCreate(owner);
        return new CartRef(rows.lock(created.ref().id()), created.newToken());
    }

    private Optional<CartRows.Ref> lockExisting(CartOwner owner) {
        if (!owner.isGuest()) {
            return rows.lockByUser(owner.userId());
        }
        if (SecureTokens.looksValid(owner.guestToken())) {
            return rows.lockByTokenHash(SecureTokens.hash(owner.guestToken()));
        }
        return Optional.empty();
    }

    private CartRef findOrCreate(CartOwner owner) {
        Optional<CartRows.Ref> existing = find(owner);
        if (existing.isPresent()) {
            return new CartRef(existing.get(), null);
        }
        if (!owner.isGuest()) {
            rows.insertUserCartIfAbsent(owner.userId());
            return new CartRef(find(owner).orElseThrow(), null);
        }
        // Unknown, expired or tampered cookie: a fresh cart under a fresh token, never someone else's.
        String token = SecureTokens.newToken();
        UUID id = UUID.randomUUID();
        rows.insertGuestCart(id, SecureTokens.hash(token));
        return new CartRef(new CartRows.Ref(id, null), token);
    }

    private CartDto render(CartRows.Ref cart) {
        if (cart == null) {
            return CartDto.of(null, List.of(), store.currency(), pricing, null);
        }
        List<CartItemDto> items = items(cart.id());
        if (cart.promotionCode() == null) {
            return CartDto.of(cart.id(), items, store.currency(), pricing, null);
        }
        // A code that no longer applies is shown with the reason checkout would give, so the shopper can remove it.
        Promotions.Quote quote = promotions.quote(cart.promotionCode(), promotionLines(items));
        return quote.applied() != null ? CartDto.of(cart.id(), items, store.currency(), pricing, discount(quote.applied()))
                : CartDto.of(cart.id(), items, store.currency(), pricing, null,
                        new CartPromotionRefusedDto(cart.promotionCode(), quote.refusal(), quote.refusalDetail()));
    }

    /** The cart's lines at the catalog's current prices, in the order they were added. */
    private List<CartItemDto> items(UUID cartId) {
        List<CartRows.Line> lines = rows.lines(cartId);
        Map<UUID, Stock.Item> variants = stock.items(lines.stream().map(CartRows.Line::variantId).toList());
        List<CartItemDto> items = new ArrayList<>(lines.size());
        for (CartRows.Line line : lines) {
            Stock.Item v = variants.get(line.variantId());
            items.add(new CartItemDto(v.productId(), v.sku(), v.slug(), v.name(), v.priceCents(), line.quantity(),
                    Math.multiplyExact(v.priceCents(), line.quantity()), v.available(), v.variantId(), v.options()));
        }
        return items;
    }

    private static List<Promotions.Line> promotionLines(List<CartItemDto> items) {
        return items.stream().map(i -> new Promotions.Line(i.productId(), i.lineTotalCents())).toList();
    }

    private static CartDto.Discount discount(Promotions.Applied applied) {
        return new CartDto.Discount(applied.code(), applied.discountCents(), applied.freeShipping());
    }

    private static ApiException noSuchLine() {
        return ApiException.notFound("Cart line");
    }

    /** Names the line by its key ({@link Stock.Item#key()}). */
    static ApiException insufficientStock(String key, int available, int inCart) {
        String message = "only " + available + " in stock" + (inCart > 0 ? " (" + inCart + " already in the cart)" : "");
        return new ApiException(409, "insufficient_stock", "Insufficient stock",
                "Not enough stock for this line", List.of(new FieldError(key, message)));
    }
}
