package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.catalog.dto.ProductDto;
import com.acme.shop.catalog.dto.ProductPatch;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.LikePatterns;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import com.acme.shop.platform.StoreConfig;
import com.acme.shop.platform.UniqueViolations;
import com.acme.shop.platform.WireEnums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Product reads for the storefront and the back office, and single-product writes. */
@ApplicationScoped
public class Products {

    /** A derived slug is tried this often before giving up (each retry means another writer took the last one). */
    private static final int SLUG_ATTEMPTS = 20;

    private final EntityManager em;
    private final StoreConfig store;
    private final ProductRows rows;
    private final Audit audit;
    private final ProductCategories categories;

    Products(EntityManager em, StoreConfig store, ProductRows rows, Audit audit, ProductCategories categories) {
        this.em = em;
        this.store = store;
        this.rows = rows;
        this.audit = audit;
        this.categories = categories;
    }

    /** The storefront's sorts, spelled {@code newest}, {@code price_asc}... in the API. */
    public enum Sort implements WireEnums.Spelled {
        NEWEST("p.createdAt desc, p.id desc", "created_at DESC, id DESC"),
        PRICE_ASC("p.priceCents asc, p.id asc", "price_cents, id"),
        PRICE_DESC("p.priceCents desc, p.id desc", "price_cents DESC, id DESC"),
        NAME("lower(p.name) asc, p.id asc", "lower(name), id");

        /** In HQL, for searches. */
        final String orderBy;
        /** In SQL, in the order of the partial index that serves it (V2: product_active_*, product_all_newest). */
        final String sqlOrderBy;

        Sort(String orderBy, String sqlOrderBy) {
            this.orderBy = orderBy;
            this.sqlOrderBy = sqlOrderBy;
        }

        @Override
        public String value() {
            return WireEnums.value(this);
        }
    }

    public Page<ProductDto> listPublic(String q, String category, Sort sort, PageRequest page) {
        if (category != null && !category.isBlank()) {
            StringBuilder where = new StringBuilder("active");
            List<Object> params = new ArrayList<>();
            if (q != null && !q.isBlank()) {
                where.append(" AND (name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
                params.add(LikePatterns.contains(q));
                params.add(LikePatterns.contains(q));
            }
            return inCategory(category, where.toString(), params, sort, page);
        }
        if (q == null || q.isBlank()) {
            // The whole active catalog: its size is kept by triggers (V8), so no count(*) per page.
            List<Product> items = byIds(rows.pageIds("active", sort.sqlOrderBy, page.offset(), page.size()));
            long total = rows.activeProductCount();
            return Page.of(dtos(items), page, total);
        }
        return page("p.active = true and (p.name ilike :q escape '\\' or p.description ilike :q escape '\\')",
                sort.orderBy, Map.of("q", LikePatterns.contains(q)), page);
    }

    /**
     * The products {@code where} picks (fixed SQL, {@code ?} for {@code params}) that are filed under the category
     * with this slug or under one of its descendants (an unknown slug: none), ids first, then the page's rows.
     * The page is found one of two ways, chosen by how much of the catalog the categories hold, which the planner
     * cannot know (the categories are only known once the query runs): few products are read in full through the
     * category index and sorted (the cost grows with the categories' size); many are found by walking the sort's
     * index and keeping those filed there (the cost grows with how far the walk goes to fill the page, about
     * offset + size times catalog / matches rows). The count is chosen alike.
     */
    private Page<ProductDto> inCategory(String category, String where, List<Object> params, Sort sort,
            PageRequest page) {
        List<UUID> subtree = categories.subtree(category);
        long links = categories.links(subtree);
        if (links == 0) {
            return Page.of(List.of(), page, 0); // an unknown slug, or nothing filed there
        }
        long catalog = Math.max(1, rows.activeProductCount());
        Object filed = ProductCategories.parameter(subtree);
        List<Object> amongParams = new ArrayList<>(List.of(filed));
        amongParams.addAll(params);
        String walkWhere = where + " AND " + ProductCategories.filedUnder("id");
        List<Object> walkParams = new ArrayList<>(params);
        walkParams.add(filed);

        boolean few = (double) links * links < (double) (page.offset() + page.size()) * catalog;
        List<Product> items = byIds(few
                ? rows.pageIdsAmong(ProductCategories.FILED_UNDER, where, amongParams, sort.sqlOrderBy, page.offset(), page.size())
                : rows.pageIds(walkWhere, walkParams, sort.sqlOrderBy, page.offset(), page.size()));
        long total;
        if (items.isEmpty() && page.page() == 0) {
            total = 0;
        } else if (items.size() < page.size() && !items.isEmpty()) {
            total = (long) page.offset() + items.size();
        } else {
            // A lookup per candidate costs a few rows of a scan of the catalog.
            total = links * 4 < catalog ? rows.countAmong(ProductCategories.FILED_UNDER, where, amongParams)
                    : rows.countWhere(walkWhere, walkParams);
        }
        return Page.of(dtos(items), page, total);
    }

    public ProductDto getPublic(String slug) {
        return Product.<Product>find("slug = ?1 and active = true", slug).firstResultOptional()
                .map(this::dto).orElseThrow(() -> ApiException.notFound("Product"));
    }

    public Page<ProductDto> listAdmin(String q, Boolean active, String category, PageRequest page) {
        if (category != null && !category.isBlank()) {
            StringBuilder where = new StringBuilder(active == null ? "true" : active ? "active" : "NOT active");
            List<Object> params = new ArrayList<>();
            if (q != null && !q.isBlank()) {
                where.append(" AND (sku ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\')");
                params.add(LikePatterns.contains(q));
                params.add(LikePatterns.contains(q));
            }
            return inCategory(category, where.toString(), params, Sort.NEWEST, page);
        }
        if (q == null || q.isBlank()) {
            String where = active == null ? "true" : active ? "active" : "NOT active";
            List<Product> items = byIds(rows.pageIds(where, Sort.NEWEST.sqlOrderBy, page.offset(), page.size()));
            long total = items.isEmpty() && page.page() == 0 ? 0
                    : items.size() < page.size() && !items.isEmpty() ? (long) page.offset() + items.size()
                    : rows.countWhere(where);
            return Page.of(dtos(items), page, total);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and (p.sku ilike :q escape '\\' or p.name ilike :q escape '\\')");
            params.put("q", LikePatterns.contains(q));
        }
        if (active != null) {
            where.append(" and p.active = :active");
            params.put("active", active);
        }
        return page(where.toString(), Sort.NEWEST.orderBy, params, page);
    }

    public ProductDto get(UUID id) {
        return dto(find(id));
    }

    /**
     * Inserts with {@code ON CONFLICT DO NOTHING} so that a clash never aborts the transaction: a taken sku or
     * explicit slug is answered with its code, a taken derived slug moves on to the next free {@code -N}.
     * The unique keys decide, so two creates racing for one derived slug both succeed with different slugs.
     */
    @Transactional
    @ChangesCatalog
    public ProductDto create(ProductCreate request) {
        UUID id = UUID.randomUUID();
        boolean derived = request.slug() == null;
        String base = derived ? Slugs.derive(request.name()) : request.slug();
        String slug = base;
        for (int attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
            if (rows.insertIfFree(id, request, slug)) {
                if (request.categoryIds() != null) {
                    categories.set(id, request.categoryIds());
                }
                ProductDto created = dto(find(id));
                audit.record("product.created", "product", id, null, created);
                return created;
            }
            if (rows.skuExists(request.sku())) {
                throw skuTaken();
            }
            if (!derived) {
                throw slugTaken();
            }
            slug = Slugs.candidate(base, rows.nextFreeSuffix(base));
        }
        throw ApiException.conflict("conflict", "Could not find a free slug; retry");
    }

    @Transactional
    @ChangesCatalog
    public ProductDto update(UUID id, ProductPatch patch) {
        Product product = find(id);
        if (patch.version() != null && patch.version() != product.version) {
            throw versionConflict();
        }
        ProductDto before = dto(product);
        apply(product, patch);
        try {
            product.updatedAt = now();
            em.flush();
        } catch (OptimisticLockException e) {
            throw versionConflict();
        } catch (PersistenceException e) {
            throw translate(e);
        }
        if (patch.categoryIds() != null) {
            categories.set(id, patch.categoryIds());
        }
        ProductDto after = dto(product);
        audit.record("product.updated", "product", id, before, after);
        return after;
    }

    @Transactional
    @ChangesCatalog
    public void archive(UUID id) {
        Product product = find(id);
        if (product.active) {
            product.active = false;
            product.updatedAt = now();
            audit.record("product.archived", "product", id, java.util.Map.of("active", true), java.util.Map.of("active", false));
        }
    }

    static void apply(Product product, ProductPatch patch) {
        if (patch.sku() != null) {
            product.sku = patch.sku();
        }
        if (patch.slug() != null) {
            product.slug = patch.slug();
        }
        if (patch.name() != null) {
            product.name = patch.name().trim();
        }
        if (patch.description() != null) {
            product.description = patch.description().isEmpty() ? null : patch.description();
        }
        if (patch.priceCents() != null) {
            product.priceCents = patch.priceCents();
        }
        if (patch.stock() != null) {
            product.stock = patch.stock();
        }
        if (patch.active() != null) {
            product.active = patch.active();
        }
        if (patch.imageUrl() != null) {
            product.imageUrl = patch.imageUrl().isEmpty() ? null : patch.imageUrl();
        }
    }

    private Page<ProductDto> page(String where, String orderBy, Map<String, Object> params, PageRequest page) {
        TypedQuery<Product> query = em.createQuery(
                "select p from Product p where " + where + " order by " + orderBy, Product.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Product p where " + where, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Product> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = items.isEmpty() && page.page() == 0 ? 0
                : items.size() < page.size() && !items.isEmpty() ? (long) page.offset() + items.size()
                : count.getSingleResult();
        return Page.of(dtos(items), page, total);
    }

    /**
     * A page's products in the order of {@code ids}: the page was chosen over a narrow index of ids (a deep page
     * skips index entries, not whole rows), then only its rows are read.
     */
    private List<Product> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Product> found = new HashMap<>();
        em.createQuery("select p from Product p where p.id in :ids", Product.class).setParameter("ids", ids)
                .getResultList().forEach(p -> found.put(p.id, p));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private Product find(UUID id) {
        Product product = Product.findById(id);
        if (product == null) {
            throw ApiException.notFound("Product");
        }
        return product;
    }

    private ProductDto dto(Product product) {
        return ProductDto.of(product, store.currency(), categories.of(List.of(product.id)).getOrDefault(product.id, List.of()));
    }

    /** A page's products, their categories read in one statement. */
    private List<ProductDto> dtos(List<Product> products) {
        Map<UUID, List<com.acme.shop.catalog.dto.CategoryRef>> filed = categories.of(products.stream().map(p -> p.id).toList());
        return products.stream().map(p -> ProductDto.of(p, store.currency(), filed.getOrDefault(p.id, List.of()))).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException translate(PersistenceException e) {
        if (UniqueViolations.violates(e, "product_sku_unique")) {
            return skuTaken();
        }
        if (UniqueViolations.violates(e, "product_slug_unique")) {
            return slugTaken();
        }
        throw e;
    }

    static ApiException skuTaken() {
        return ApiException.conflict("sku_taken", "A product with this sku already exists");
    }

    static ApiException slugTaken() {
        return ApiException.conflict("slug_taken", "A product with this slug already exists");
    }

    static ApiException versionConflict() {
        return ApiException.conflict("version_conflict", "The product was changed by someone else; reload it and retry");
    }
}
