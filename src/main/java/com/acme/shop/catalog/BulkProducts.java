package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.BulkCreated;
import com.acme.shop.catalog.dto.BulkUpdated;
import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.catalog.dto.ProductPatch;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.UniqueViolations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * All-or-nothing bulk create and update. Every item is checked (its own rules, duplicates inside the batch,
 * clashes with the database) and every problem reported; only a clean batch is kept, written in one transaction
 * and one statement (a COPY stream for create). Should a concurrent writer take a sku or slug between the check
 * and the write, the unique key refuses the write and the whole batch is checked again.
 */
@ApplicationScoped
public class BulkProducts {

    public static final int MAX_ITEMS = 10_000;
    private static final int ATTEMPTS = 3;

    /** Large writes (10,000 items, 100,000 lines) may take longer than the default 60 s transaction. */
    static final int LONG_WRITE_TIMEOUT_SECONDS = 600;

    private final ProductRows rows;
    private final Validator validator;
    private final Audit audit;

    BulkProducts(ProductRows rows, Validator validator, Audit audit) {
        this.rows = rows;
        this.validator = validator;
        this.audit = audit;
    }

    @ChangesCatalog
    public BulkCreated create(List<ProductCreate> items) {
        checkSize(items);
        return withRetry(() -> QuarkusTransaction.requiringNew().timeout(LONG_WRITE_TIMEOUT_SECONDS).call(() -> createOnce(items)));
    }

    @ChangesCatalog
    public BulkUpdated update(List<ProductPatch> items) {
        checkSize(items);
        return withRetry(() -> QuarkusTransaction.requiringNew().timeout(LONG_WRITE_TIMEOUT_SECONDS).call(() -> updateOnce(items)));
    }

    private BulkCreated createOnce(List<ProductCreate> items) {
        BulkValidation problems = new BulkValidation();
        // First what needs the database: duplicates inside the batch, skus and slugs that exist, derived slugs' bases.
        Map<String, Integer> skuAt = new HashMap<>();
        Map<String, Integer> slugAt = new HashMap<>();
        String[] bases = new String[items.size()];
        Set<String> distinctBases = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ProductCreate item = items.get(i);
            if (item == null) {
                problems.atIndex(i, "item", "must be an object");
                continue;
            }
            if (item.sku() != null) {
                Integer first = skuAt.putIfAbsent(item.sku(), i);
                if (first != null) {
                    problems.atIndex(i, "sku", "duplicates the sku of item " + first);
                }
            }
            if (item.slug() != null) {
                Integer first = slugAt.putIfAbsent(item.slug(), i);
                if (first != null) {
                    problems.atIndex(i, "slug", "duplicates the slug of item " + first);
                }
            } else {
                bases[i] = Slugs.derive(item.name());
                distinctBases.add(bases[i]);
            }
        }
        rows.bySku(skuAt.keySet()).keySet().forEach(sku -> problems.atIndex(skuAt.get(sku), "sku", "already exists"));
        rows.bySlug(slugAt.keySet()).keySet().forEach(slug -> problems.atIndex(slugAt.get(slug), "slug", "already exists"));
        boolean writing = problems.isEmpty();
        SlugAllocator slugs = new SlugAllocator(writing ? rows.slugsInUse(distinctBases) : new HashSet<>());
        slugAt.keySet().forEach(slugs::reserve);

        // Then each item's own rules. While the batch is clean so far its rows stream into the table, so the
        // database maintains the indexes while the rest is checked; the first problem stops the stream and the
        // transaction rolls back.
        List<UUID> ids = new ArrayList<>(items.size());
        try (ProductRows.NewProducts out = writing ? rows.newProducts() : null) {
            for (int i = 0; i < items.size(); i++) {
                ProductCreate item = items.get(i);
                if (item == null) {
                    continue;
                }
                problems.validate(validator, item, i, null);
                if (item.variants() != null || item.options() != null || item.images() != null) {
                    problems.atIndex(i, item.variants() != null ? "variants" : item.options() != null ? "options" : "images",
                            "is not taken by a bulk create: create such a product alone");
                }
                if (out != null && problems.isEmpty()) {
                    UUID id = UUID.randomUUID();
                    out.add(ProductRows.Row.of(id, item, item.slug() != null ? item.slug() : slugs.allocate(bases[i])));
                    ids.add(id);
                }
            }
            problems.throwIfAny();
            if (out != null) {
                out.finish();
            }
        }
        audit.record("products.bulk_created", "product", null, null, java.util.Map.of("created", ids.size(), "ids", ids));
        return new BulkCreated(ids.size(), ids);
    }

    private BulkUpdated updateOnce(List<ProductPatch> items) {
        BulkValidation problems = new BulkValidation();
        Map<UUID, Integer> idAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ProductPatch item = items.get(i);
            if (item == null) {
                problems.atIndex(i, "item", "must be an object");
                continue;
            }
            problems.validate(validator, item, i, null);
            if (item.id() == null) {
                problems.atIndex(i, "id", "must not be null");
            } else {
                Integer first = idAt.putIfAbsent(item.id(), i);
                if (first != null) {
                    problems.atIndex(i, "id", "duplicates the id of item " + first);
                }
            }
        }
        Map<UUID, ProductRows.Current> current = rows.lockByIds(idAt.keySet());
        // The skus and slugs products will have once the batch is applied, to check them against each other
        // and against products the batch does not touch.
        Map<String, Integer> skuAt = new HashMap<>();
        Map<String, Integer> slugAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ProductPatch item = items.get(i);
            if (item == null || item.id() == null || idAt.get(item.id()) != i) {
                continue;
            }
            ProductRows.Current now = current.get(item.id());
            if (now == null) {
                problems.atIndex(i, "id", "no product has this id");
                continue;
            }
            if (item.version() != null && item.version() != now.version()) {
                problems.atIndex(i, "version", "is stale: the product is at version " + now.version());
            }
            if (now.variants() > 1 && item.priceCents() != null) {
                problems.atIndex(i, "priceCents", "the product has several variants: edit the variants");
            }
            if (now.variants() > 1 && item.stock() != null) {
                problems.atIndex(i, "stock", "the product has several variants: edit the variants");
            }
            if (item.images() != null) {
                problems.atIndex(i, "images", "is not taken by a bulk update");
            }
            String sku = item.sku() != null ? item.sku() : now.sku();
            Integer firstSku = skuAt.putIfAbsent(sku, i);
            if (firstSku != null) {
                problems.atIndex(i, "sku", "duplicates the sku of item " + firstSku);
            }
            String slug = item.slug() != null ? item.slug() : now.slug();
            Integer firstSlug = slugAt.putIfAbsent(slug, i);
            if (firstSlug != null) {
                problems.atIndex(i, "slug", "duplicates the slug of item " + firstSlug);
            }
        }
        rows.bySku(skuAt.keySet()).forEach((sku, owner) -> {
            if (!current.containsKey(owner.id())) {
                problems.atIndex(skuAt.get(sku), "sku", "already exists");
            }
        });
        rows.bySlug(slugAt.keySet()).forEach((slug, owner) -> {
            if (!current.containsKey(owner.id())) {
                problems.atIndex(slugAt.get(slug), "slug", "already exists");
            }
        });
        problems.throwIfAny();

        List<ProductRows.Row> changes = new ArrayList<>(items.size());
        for (ProductPatch item : items) {
            changes.add(new ProductRows.Row(item.id(), item.sku(), item.slug(),
                    item.name() == null ? null : item.name().trim(), item.description(), item.priceCents(),
                    item.stock(), item.active(), item.imageUrl()));
        }
        int updated = rows.updateAll(changes);
        rows.syncVariants(changes);
        audit.record("products.bulk_updated", "product", null, null, java.util.Map.of("updated", updated, "changes", items));
        return new BulkUpdated(updated);
    }

    private static void checkSize(List<?> items) {
        if (items == null) {
            throw ApiException.validation("body", "must be a JSON array");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.validation("body", "must have at most " + MAX_ITEMS + " items");
        }
        // A null element means the body is not an array of objects: malformed (400), like any other wrong shape,
        // not an item that breaks a rule (422).
        List<FieldError> nulls = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                nulls.add(new FieldError("[" + i + "]", "must be an object"));
            }
        }
        if (!nulls.isEmpty()) {
            throw ApiException.validation(nulls);
        }
    }

    private static <T> T withRetry(java.util.function.Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                boolean raced = UniqueViolations.violates(e, "product_sku_unique")
                        || UniqueViolations.violates(e, "product_variant_sku_unique")
                        || UniqueViolations.violates(e, "product_slug_unique");
                if (!raced) {
                    throw e;
                }
                if (i >= ATTEMPTS) {
                    throw ApiException.conflict("conflict", "The catalog kept changing during the bulk call; retry");
                }
            }
        }
    }
}
