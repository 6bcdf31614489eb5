package com.acme.shop.cart;

import com.acme.shop.cart.dto.CartDto;
import com.acme.shop.cart.dto.CartItemDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.StoreConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Carts live in PostgreSQL; every write is one guarded statement, so concurrent requests on one cart never
 * lose an update and a line never exceeds the product's stock at the time of the write. Prices are never
 * stored in a cart: it always shows the product's current price.
 */
@ApplicationScoped
public class CartService {

    private static final Logger LOG = Logger.getLogger(CartService.class);
    static final int MAX_LINE_QUANTITY = 99;

    private final EntityManager em;
    private final StoreConfig store;
    private final CartConfig config;
    private final CartQuote pricing;

    CartService(EntityManager em, StoreConfig store, CartConfig config, CartQuote pricing) {
        this.em = em;
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
     * Adds to the line in one statement: the insert or the increment happens only if the product is active and
     * the resulting quantity fits its stock and the line limit; otherwise nothing changes and we say why.
     */
    @Transactional
    public Written add(CartOwner owner, UUID productId, int quantity) {
        ProductState product = product(productId).filter(ProductState::active)
                .orElseThrow(() -> ApiException.notFound("Product"));
        CartRef cart = findOrCreate(owner);
        touch(cart.id());
        List<?> written = em.createNativeQuery("""
                INSERT INTO cart_line (cart_id, product_id, quantity)
                SELECT ?1, p.id, ?3 FROM product p WHERE p.id = ?2 AND p.active AND p.stock >= ?3
                ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = cart_line.quantity + excluded.quantity
                WHERE cart_line.quantity + excluded.quantity <= LEAST(?4, (SELECT stock FROM product WHERE id = excluded.product_id))
                RETURNING quantity
                """).setParameter(1, cart.id()).setParameter(2, productId).setParameter(3, quantity)
                .setParameter(4, MAX_LINE_QUANTITY).getResultList();
        if (written.isEmpty()) {
            int inCart = lineQuantity(cart.id(), productId);
            if (inCart + quantity > MAX_LINE_QUANTITY) {
                throw ApiException.validation("quantity", "a line can hold at most " + MAX_LINE_QUANTITY + " units ("
                        + inCart + " already in the cart)");
            }
            throw insufficientStock(productId, product(productId).map(ProductState::stock).orElse(0), inCart);
        }
        return new Written(render(cart.id()), cart.newToken());
    }

    @Transactional
    public CartDto setQuantity(CartOwner owner, UUID productId, int quantity) {
        UUID cartId = find(owner).orElseThrow(CartService::noSuchLine);
        touch(cartId);
        if (quantity == 0) {
            if (deleteLine(cartId, productId) == 0) {
                throw noSuchLine();
            }
        } else {
            int updated = em.createNativeQuery("""
                    UPDATE cart_line l SET quantity = ?3 FROM product p
                    WHERE l.cart_id = ?1 AND l.product_id = ?2 AND p.id = l.product_id AND p.active AND p.stock >= ?3
                    """).setParameter(1, cartId).setParameter(2, productId).setParameter(3, quantity).executeUpdate();
            if (updated == 0) {
                int inCart = lineQuantity(cartId, productId);
                if (inCart == 0) {
                    throw noSuchLine();
                }
                throw insufficientStock(productId, product(productId).filter(ProductState::active)
                        .map(ProductState::stock).orElse(0), 0);
            }
        }
        return render(cartId);
    }

    @Transactional
    public CartDto remove(CartOwner owner, UUID productId) {
        Optional<UUID> cartId = find(owner);
        cartId.ifPresent(id -> {
            touch(id);
            deleteLine(id, productId);
        });
        return render(cartId.orElse(null));
    }

    @Transactional
    public void clear(CartOwner owner) {
        find(owner).ifPresent(id -> {
            touch(id);
            em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1").setParameter(1, id).executeUpdate();
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
        List<?> guest = em.createNativeQuery("SELECT id FROM cart WHERE token_hash = ?1 FOR UPDATE")
                .setParameter(1, SecureTokens.hash(guestToken)).getResultList();
        if (guest.isEmpty()) {
            return;
        }
        UUID guestCart = (UUID) guest.get(0);
        UUID userCart = findOrCreate(CartOwner.user(userId)).id();
        touch(userCart);
        em.createNativeQuery("""
                INSERT INTO cart_line (cart_id, product_id, quantity, added_at)
                SELECT ?1, g.product_id, LEAST(g.quantity, p.stock, ?3), g.added_at
                FROM cart_line g JOIN product p ON p.id = g.product_id
                WHERE g.cart_id = ?2 AND p.active AND p.stock > 0
                ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = GREATEST(cart_line.quantity,
                    LEAST(cart_line.quantity + excluded.quantity,
                          (SELECT stock FROM product WHERE id = excluded.product_id), ?3))
                """).setParameter(1, userCart).setParameter(2, guestCart).setParameter(3, MAX_LINE_QUANTITY)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM cart WHERE id = ?1").setParameter(1, guestCart).executeUpdate();
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
        return em.createNativeQuery("""
                DELETE FROM cart WHERE id IN (
                    SELECT id FROM cart WHERE user_id IS NULL AND updated_at < ?1
                    ORDER BY updated_at LIMIT 500 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, idleSince).executeUpdate();
    }

    // --- for checkout --------------------------------------------------------------------------------

    /** A cart line as checkout reads it. */
    public record Line(UUID productId, int quantity) {
    }

    /** The caller's cart, locked for the rest of the transaction; empty if there is none. */
    public Optional<UUID> lockCart(CartOwner owner) {
        Optional<UUID> id = find(owner);
        id.ifPresent(this::touch);
        return id;
    }

    /** The lines of a cart, in product-id order (the order checkout takes stock in, so checkouts cannot deadlock). */
    @SuppressWarnings("unchecked")
    public List<Line> lines(UUID cartId) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT product_id, quantity FROM cart_line WHERE cart_id = ?1 ORDER BY product_id")
                .setParameter(1, cartId).getResultList();
        return rows.stream().map(r -> new Line((UUID) r[0], ((Number) r[1]).intValue())).toList();
    }

    public void empty(UUID cartId) {
        em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1").setParameter(1, cartId).executeUpdate();
    }

    // --- internals -------------------------------------------------------------------------------------

    private record CartRef(UUID id, String newToken) {
    }

    private record ProductState(boolean active, int stock) {
    }

    private Optional<UUID> find(CartOwner owner) {
        List<?> rows;
        if (!owner.isGuest()) {
            rows = em.createNativeQuery("SELECT id FROM cart WHERE user_id = ?1").setParameter(1, owner.userId())
                    .getResultList();
        } else if (SecureTokens.looksValid(owner.guestToken())) {
            rows = em.createNativeQuery("SELECT id FROM cart WHERE token_hash = ?1")
                    .setParameter(1, SecureTokens.hash(owner.guestToken())).getResultList();
        } else {
            rows = List.of();
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0));
    }

    /** Concurrent first writes of one user create one cart: the unique key decides, nobody fails. */
    private CartRef findOrCreate(CartOwner owner) {
        Optional<UUID> existing = find(owner);
        if (existing.isPresent()) {
            return new CartRef(existing.get(), null);
        }
        if (!owner.isGuest()) {
            em.createNativeQuery("INSERT INTO cart (id, user_id) VALUES (?1, ?2) ON CONFLICT (user_id) DO NOTHING")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, owner.userId()).executeUpdate();
            return new CartRef(find(owner).orElseThrow(), null);
        }
        // Unknown, expired or tampered cookie: a fresh cart under a fresh token, never someone else's.
        String token = SecureTokens.newToken();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO cart (id, token_hash) VALUES (?1, ?2)")
                .setParameter(1, id).setParameter(2, SecureTokens.hash(token)).executeUpdate();
        return new CartRef(id, token);
    }

    private Optional<ProductState> product(UUID productId) {
        List<?> rows = em.createNativeQuery("SELECT active, stock FROM product WHERE id = ?1")
                .setParameter(1, productId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new ProductState((Boolean) row[0], ((Number) row[1]).intValue()));
    }

    private int lineQuantity(UUID cartId, UUID productId) {
        List<?> rows = em.createNativeQuery("SELECT quantity FROM cart_line WHERE cart_id = ?1 AND product_id = ?2")
                .setParameter(1, cartId).setParameter(2, productId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    private int deleteLine(UUID cartId, UUID productId) {
        return em.createNativeQuery("DELETE FROM cart_line WHERE cart_id = ?1 AND product_id = ?2")
                .setParameter(1, cartId).setParameter(2, productId).executeUpdate();
    }

    /**
     * Every cart write starts here: it locks the cart row, so writes to one cart and a checkout of it happen one
     * after the other (a checkout never sees half a write, and the two can never deadlock).
     */
    private void touch(UUID cartId) {
        em.createNativeQuery("UPDATE cart SET updated_at = now() WHERE id = ?1").setParameter(1, cartId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private CartDto render(UUID cartId) {
        if (cartId == null) {
            return CartDto.of(null, List.of(), store.currency(), pricing);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.product_id, p.sku, p.slug, p.name, p.price_cents, l.quantity,
                       CASE WHEN p.active THEN p.stock ELSE 0 END
                FROM cart_line l JOIN product p ON p.id = l.product_id
                WHERE l.cart_id = ?1 ORDER BY l.added_at, l.product_id
                """).setParameter(1, cartId).getResultList();
        List<CartItemDto> items = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long price = ((Number) r[4]).longValue();
            int quantity = ((Number) r[5]).intValue();
            items.add(new CartItemDto((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], price, quantity,
                    Math.multiplyExact(price, quantity), ((Number) r[6]).intValue()));
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
