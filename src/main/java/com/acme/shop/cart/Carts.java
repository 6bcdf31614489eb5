package com.acme.shop.cart;

import com.acme.shop.cart.dto.CartDto;
import com.acme.shop.cart.dto.CartItemDto;
import com.acme.shop.catalog.Stock;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.StoreConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final CartRows rows;
    private final Stock stock;
    private final StoreConfig store;
    private final CartConfig config;
    private final CartQuote pricing;

    Carts(CartRows rows, Stock stock, StoreConfig store, CartConfig config, CartQuote pricing) {
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

    /** Adds to the line; the line may hold at most 99 units and at most what is in stock. */
    @Transactional
    public Written add(CartOwner owner, UUID productId, int quantity) {
        Stock.Item product = stock.item(productId).filter(Stock.Item::active)
                .orElseThrow(() -> ApiException.notFound("Product"));
        CartRef cart = lockOrCreate(owner);
        // One guarded statement adds the units if the line stays within both limits; only a refusal reads the line.
        if (!rows.addWithin(cart.id(), productId, quantity, Math.min(MAX_LINE_QUANTITY, product.available()))) {
            int inCart = rows.quantity(cart.id(), productId);
            if (inCart + quantity > MAX_LINE_QUANTITY) {
                throw ApiException.validation("quantity", "a line can hold at most " + MAX_LINE_QUANTITY
                        + " units (" + inCart + " already in the cart)");
            }
            throw insufficientStock(productId, product.available(), inCart);
        }
        return new Written(render(cart.id()), cart.newToken());
    }

    @Transactional
    public CartDto setQuantity(CartOwner owner, UUID productId, int quantity) {
        UUID cartId = find(owner).orElseThrow(Carts::noSuchLine);
        rows.lock(cartId);
        if (rows.quantity(cartId, productId) == 0) {
            throw noSuchLine();
        }
        if (quantity == 0) {
            rows.deleteLine(cartId, productId);
        } else {
            int available = stock.available(productId);
            if (quantity > available) {
                throw insufficientStock(productId, available, 0);
            }
            rows.upsertLine(cartId, productId, quantity);
        }
        return render(cartId);
    }

    @Transactional
    public CartDto remove(CartOwner owner, UUID productId) {
        Optional<UUID> cartId = find(owner);
        cartId.ifPresent(id -> {
            rows.lock(id);
            rows.deleteLine(id, productId);
        });
        return render(cartId.orElse(null));
    }

    @Transactional
    public void clear(CartOwner owner) {
        find(owner).ifPresent(id -> {
            rows.lock(id);
            rows.deleteLines(id);
        });
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
        Optional<UUID> guest = rows.byTokenHash(SecureTokens.hash(guestToken), true);
        if (guest.isEmpty()) {
            return;
        }
        UUID guestCart = guest.get();
        UUID userCart = findOrCreate(CartOwner.user(userId)).id();
        rows.lock(userCart);
        List<CartRows.Line> guestLines = rows.lines(guestCart);
        Map<UUID, Stock.Item> products = stock.items(guestLines.stream().map(CartRows.Line::productId).toList());
        Map<UUID, Integer> owned = rows.lines(userCart).stream()
                .collect(Collectors.toMap(CartRows.Line::productId, CartRows.Line::quantity));
        for (CartRows.Line line : guestLines) {
            Stock.Item product = products.get(line.productId());
            if (product == null || product.available() == 0) {
                continue;
            }
            int own = owned.getOrDefault(line.productId(), 0);
            int merged = Math.max(own, Math.min(own + line.quantity(),
                    Math.min(product.available(), MAX_LINE_QUANTITY)));
            if (merged > own) {
                rows.upsertLine(userCart, line.productId(), merged, line.addedAt());
            }
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

    /** A cart locked for checkout: its lines in product-id order (the order stock is taken in). */
    public record Checkout(UUID cartId, List<Stock.Line> lines) {
    }

    /** The caller's cart, locked for the rest of the caller's transaction; empty if there is none. */
    @Transactional(TxType.MANDATORY)
    public Optional<Checkout> lockForCheckout(CartOwner owner) {
        return lockExisting(owner).map(id -> new Checkout(id, rows.linesByProduct(id).stream()
                .map(l -> new Stock.Line(l.productId(), l.quantity())).toList()));
    }

    /** The order took the cart's lines; in the checkout's transaction. */
    @Transactional(TxType.MANDATORY)
    public void empty(UUID cartId) {
        rows.deleteLines(cartId);
    }

    // --- internals -------------------------------------------------------------------------------------

    private record CartRef(UUID id, String newToken) {
    }

    private Optional<UUID> find(CartOwner owner) {
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
        Optional<UUID> existing = lockExisting(owner);
        if (existing.isPresent()) {
            return new CartRef(existing.get(), null);
        }
        CartRef created = findOrCreate(owner);
        rows.lock(created.id());
        return created;
    }

    private Optional<UUID> lockExisting(CartOwner owner) {
        if (!owner.isGuest()) {
            return rows.lockByUser(owner.userId());
        }
        if (SecureTokens.looksValid(owner.guestToken())) {
            return rows.lockByTokenHash(SecureTokens.hash(owner.guestToken()));
        }
        return Optional.empty();
    }

    private CartRef findOrCreate(CartOwner owner) {
        Optional<UUID> existing = find(owner);
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
        return new CartRef(id, token);
    }

    private CartDto render(UUID cartId) {
        if (cartId == null) {
            return CartDto.of(null, List.of(), store.currency(), pricing);
        }
        List<CartRows.Line> lines = rows.lines(cartId);
        Map<UUID, Stock.Item> products = stock.items(lines.stream().map(CartRows.Line::productId).toList());
        List<CartItemDto> items = new ArrayList<>(lines.size());
        for (CartRows.Line line : lines) {
            Stock.Item p = products.get(line.productId());
            items.add(new CartItemDto(p.productId(), p.sku(), p.slug(), p.name(), p.priceCents(), line.quantity(),
                    Math.multiplyExact(p.priceCents(), line.quantity()), p.available()));
        }
        return CartDto.of(cartId, items, store.currency(), pricing);
    }

    private static ApiException noSuchLine() {
        return ApiException.notFound("Cart line");
    }

    static ApiException insufficientStock(UUID productId, int available, int inCart) {
        String message = "only " + available + " in stock" + (inCart > 0 ? " (" + inCart + " already in the cart)" : "");
        return new ApiException(409, "insufficient_stock", "Insufficient stock",
                "Not enough stock for this line", List.of(new FieldError(productId.toString(), message)));
    }
}
