package com.acme.shop.promotion;

import com.acme.shop.catalog.ProductCategories;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.LikePatterns;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import com.acme.shop.platform.Sql;
import com.acme.shop.platform.UniqueViolations;
import com.acme.shop.promotion.dto.PromotionCreate;
import com.acme.shop.promotion.dto.PromotionDto;
import com.acme.shop.promotion.dto.PromotionPatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Promotions: the back office's CRUD, and what the cart and checkout ask of a code. The cart keeps the code a
 * shopper applied and asks {@link #quote} each time it is shown; checkout asks {@link #check} and then
 * {@link #redeem} in its own transaction, and an order cancelled before payment {@link #release}s its use.
 */
@ApplicationScoped
public class Promotions {

    private final PromotionRows rows;
    private final ProductCategories categories;

    Promotions(PromotionRows rows, ProductCategories categories) {
        this.rows = rows;
        this.categories = categories;
    }

    // --- back office ---------------------------------------------------------------------------------------

    public Page<PromotionDto> list(String q, Boolean active, PageRequest page) {
        String pattern = q == null || q.isBlank() ? null : LikePatterns.contains(q);
        return Page.of(rows.list(pattern, active, page.size(), page.offset()).stream().map(Promotions::dto).toList(),
                page, rows.count(pattern, active));
    }

    public PromotionDto get(UUID id) {
        return rows.find(id).map(Promotions::dto).orElseThrow(Promotions::notFound);
    }

    @Transactional
    public PromotionDto create(PromotionCreate request) {
        PromotionRows.Promotion p = new PromotionRows.Promotion(UUID.randomUUID(), request.code().trim(), request.type(),
                request.value(), request.minSubtotalCents() == null ? 0 : request.minSubtotalCents(),
                micros(request.startsAt()), micros(request.endsAt()), request.usageLimit(), request.perCustomerLimit(), 0,
                request.active() == null || request.active(), null,
                request.categoryIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.categoryIds())));
        validate(p);
        if (!rows.insert(p.id(), p.code(), p.type(), p.value(), p.minSubtotalCents(), p.startsAt(), p.endsAt(),
                p.usageLimit(), p.perCustomerLimit(), p.active())) {
            throw codeTaken();
        }
        setCategories(p.id(), p.categoryIds());
        return get(p.id());
    }

    @Transactional
    public PromotionDto update(UUID id, PromotionPatch patch) {
        // The uses lock first, then the row, in the order checkouts and cancels take them: no in-flight use can be
        // left out of a count made here, and none can deadlock with it.
        rows.lockUses(id, true);
        PromotionRows.Promotion old = rows.lockForUpdate(id).orElseThrow(Promotions::notFound);
        PromotionRows.Promotion p = new PromotionRows.Promotion(id,
                patch.code() == null ? old.code() : patch.code().trim(),
                patch.type() == null ? old.type() : patch.type(),
                patch.value() == null ? ("free_shipping".equals(patch.type()) ? 0 : old.value()) : patch.value(),
                patch.minSubtotalCents() == null ? old.minSubtotalCents() : patch.minSubtotalCents(),
                patch.startsAt() == null ? old.startsAt() : micros(patch.startsAt().orElse(null)),
                patch.endsAt() == null ? old.endsAt() : micros(patch.endsAt().orElse(null)),
                patch.usageLimit() == null ? old.usageLimit() : patch.usageLimit().orElse(null),
                patch.perCustomerLimit() == null ? old.perCustomerLimit() : patch.perCustomerLimit().orElse(null),
                old.usedCount(), patch.active() == null ? old.active() : patch.active(), old.createdAt(),
                patch.categoryIds() == null ? old.categoryIds() : List.copyOf(new LinkedHashSet<>(patch.categoryIds())));
        validate(p);
        // Both locks are held: no use can be taken or given back under this check (a checkout's waits for this commit).
        // A code without a limit keeps no counter: setting one counts the uses held now and starts from there.
        Integer counted = p.usageLimit() != null && old.usageLimit() == null ? rows.heldCount(id) : null;
        if (p.perCustomerLimit() != null && old.perCustomerLimit() == null) {
            rows.recountCustomerUses(id); // none were kept: each customer starts from the uses they hold
        }
        int used = counted != null ? counted : old.usedCount();
        if (p.usageLimit() != null && p.usageLimit() < used) {
            throw new ApiException(422, "validation_failed", "Validation failed", "The request is not valid",
                    List.of(new FieldError("usageLimit", "must be at least usedCount (" + used + ")")));
        }
        try {
            rows.update(p, counted);
        } catch (Sql.Failed e) {
            if (UniqueViolations.violates(e, "promotion_code_unique")) {
                throw codeTaken();
            }
            throw e;
        }
        if (patch.categoryIds() != null) {
            setCategories(id, p.categoryIds());
        }
        return get(id);
    }

    /** DELETE deactivates: orders keep the code they were placed with, and the code stays taken. */
    @Transactional
    public void deactivate(UUID id) {
        if (rows.deactivate(id) == 0) {
            throw notFound();
        }
    }

    private void setCategories(UUID id, List<UUID> categoryIds) {
        try {
            rows.setCategories(id, categoryIds);
        } catch (Sql.Failed e) {
            if (e.getCause() instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                throw ApiException.validation("categoryIds", "names a category that does not exist");
            }
            throw e;
        }
    }

    private static void validate(PromotionRows.Promotion p) {
        List<FieldError> errors = new ArrayList<>();
        switch (p.type()) {
            case "percent" -> {
                if (p.value() < 1 || p.value() > 10_000) {
                    errors.add(new FieldError("value", "must be 1 to 10000 basis points for a percent promotion"));
                }
            }
            case "fixed" -> {
                if (p.value() < 1) {
                    errors.add(new FieldError("value", "must be more than 0 cents for a fixed promotion"));
                }
            }
            default -> {
                if (p.value() != 0) {
                    errors.add(new FieldError("value", "must be 0 for a free_shipping promotion"));
                }
            }
        }
        if (p.startsAt() != null && p.endsAt() != null && !p.endsAt().isAfter(p.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    // --- cart and checkout ----------------------------------------------------------------------------------

    /** A cart or order line as a promotion sees it. */
    public record Line(UUID productId, long lineTotalCents) {
    }

    /** A code that applies: its discount, each line's share of it (in the lines' order), and free shipping. */
    public record Applied(UUID promotionId, String code, long discountCents, List<Long> lineDiscounts,
            boolean freeShipping, Integer usageLimit, Integer perCustomerLimit) {
    }

    /** What a cart's code does now: its discount, or why checkout would refuse it (the problem's code and detail). */
    public record Quote(Applied applied, String refusal, String refusalDetail) {
    }

    /** The code's discount on these lines now, or why it would be refused ({@link #check}). */
    public Quote quote(String code, List<Line> lines) {
        try {
            return new Quote(check(code, lines, 422), null, null);
        } catch (ApiException e) {
            return new Quote(null, e.code(), e.detail());
        }
    }

    /**
     * The code's discount on these lines, or {@code promotion_invalid} (with {@code invalidStatus}: 422 when a code is
     * applied, 409 at checkout) when it is unknown, inactive, outside its window, above the subtotal's minimum or
     * matching no line, or 409 {@code promotion_exhausted} when its usage limit is reached.
     */
    public Applied check(String code, List<Line> lines, int invalidStatus) {
        PromotionRows.Promotion p = rows.byCode(code == null ? "" : code.trim())
                .orElseThrow(() -> invalid(invalidStatus, "No such promotion code"));
        Instant now = Instant.now();
        if (!p.active()) {
            throw invalid(invalidStatus, "This code is no longer active");
        }
        if (p.startsAt() != null && now.isBefore(p.startsAt())) {
            throw invalid(invalidStatus, "This code is not valid yet");
        }
        if (p.endsAt() != null && !now.isBefore(p.endsAt())) {
            throw invalid(invalidStatus, "This code has ended");
        }
        long subtotal = lines.stream().mapToLong(Line::lineTotalCents).sum();
        if (subtotal < p.minSubtotalCents()) {
            throw invalid(invalidStatus, "This code needs a subtotal of at least " + p.minSubtotalCents() + " cents");
        }
        boolean[] eligible = new boolean[lines.size()];
        long[] totals = new long[lines.size()];
        Set<UUID> matching = p.categoryIds().isEmpty() ? null
                : categories.filedUnderTree(lines.stream().map(Line::productId).toList(), p.categoryIds());
        boolean any = false;
        for (int i = 0; i < lines.size(); i++) {
            totals[i] = lines.get(i).lineTotalCents();
            eligible[i] = matching == null || matching.contains(lines.get(i).productId());
            any |= eligible[i] && totals[i] > 0;
        }
        if (!any) {
            throw invalid(invalidStatus, "This code matches nothing in the cart");
        }
        if (p.usageLimit() != null && p.usedCount() >= p.usageLimit()) {
            throw exhausted();
        }
        long[] shares = Discounts.split(p.type(), p.value(), totals, eligible);
        List<Long> lineDiscounts = new ArrayList<>(shares.length);
        long discount = 0;
        for (long share : shares) {
            lineDiscounts.add(share);
            discount += share;
        }
        return new Applied(p.id(), p.code(), discount, List.copyOf(lineDiscounts), "free_shipping".equals(p.type()),
                p.usageLimit(), p.perCustomerLimit());
    }

    /**
     * Takes the order's use of the promotion, in the checkout's transaction and as its last write: for a code with a
     * usage limit, one guarded update that cannot pass it, with the redemption (the promotion's row stays locked until
     * the commit); for a code without one, only the redemption (nothing to count, so no lock to queue on); then one
     * guarded upsert that cannot pass the customer's limit ({@code customerKey}: an account, or a guest's email).
     * Either refusing is 409 {@code promotion_exhausted}, and the checkout's rollback undoes the rest.
     */
    @Transactional(TxType.MANDATORY)
    public void redeem(UUID orderId, Applied applied, String customerKey) {
        // Without a usage limit nothing is counted (no hot row); a limit set since the check is counted after all.
        Optional<PromotionRows.Use> unlimited = applied.usageLimit() == null
                ? rows.takeUnlimitedUse(orderId, applied.promotionId(), customerKey, applied.discountCents())
                : Optional.empty();
        PromotionRows.Use use = unlimited
                .or(() -> rows.takeUse(orderId, applied.promotionId(), customerKey, applied.discountCents()))
                .orElseThrow(Promotions::exhausted);
        // The per-customer limit as it stands now, not as the check saw it: one set since is counted after all.
        if (use.perCustomerLimit() != null
                && !rows.takeCustomerUse(applied.promotionId(), customerKey, use.perCustomerLimit())) {
            throw new ApiException(409, "promotion_exhausted", "Promotion exhausted",
                    "You have already used this code as often as it allows");
        }
    }

    /** An order cancelled before payment gives its use back, once however often this is called. */
    @Transactional(TxType.MANDATORY)
    public void release(UUID orderId) {
        rows.release(orderId).ifPresent(rows::giveBack);
    }

    /**
     * A payment arrived for an order cancelled before it (its use given back): takes the use again if the limits
     * still allow it. False when they do not: the order cannot be accepted at its discounted price and the caller
     * refunds it, as it does when the stock is gone. True, and nothing done, when the order holds no released use.
     */
    @Transactional(TxType.MANDATORY)
    public boolean retake(UUID orderId) {
        return rows.lockReleased(orderId).map(released -> rows.retake(orderId, released)).orElse(true);
    }

    /** The per-customer key of an account. */
    public static String accountKey(UUID userId) {
        return "user:" + userId;
    }

    /** The per-customer key of a guest: their email, case-insensitively. */
    public static String guestKey(String email) {
        return "email:" + email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static ApiException invalid(int status, String detail) {
        return new ApiException(status, "promotion_invalid", "Promotion invalid", detail);
    }

    private static ApiException exhausted() {
        return new ApiException(409, "promotion_exhausted", "Promotion exhausted", "This code has been used up");
    }

    private static ApiException codeTaken() {
        return ApiException.conflict("code_taken", "Another promotion has this code (codes are case-insensitive)");
    }

    private static ApiException notFound() {
        return ApiException.notFound("Promotion");
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static PromotionDto dto(PromotionRows.Promotion p) {
        return new PromotionDto(p.id(), p.code(), p.type(), p.value(), p.minSubtotalCents(), p.startsAt(), p.endsAt(),
                p.usageLimit(), p.perCustomerLimit(), p.usedCount(), p.active(), p.categoryIds(), p.createdAt());
    }
}
