package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.catalog.dto.ProductDto;
import com.acme.shop.catalog.dto.ProductFacets;
import com.acme.shop.catalog.dto.ProductListPage;
import com.acme.shop.catalog.dto.ProductOptionDto;
import com.acme.shop.catalog.dto.ProductPatch;
import com.acme.shop.catalog.dto.VariantInput;
import com.acme.shop.catalog.dto.VariantSet;
import com.acme.shop.platform.FieldError;
import jakarta.validation.Validator;
import java.util.ArrayList;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.LikePatterns;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import com.acme.shop.platform.StoreConfig;
import com.acme.shop.platform.UniqueViolations;
import com.acme.shop.platform.WireEnums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Product reads for the storefront and the back office, and single-product writes. */
@ApplicationScoped
public class Products {

    private final StoreConfig store;
    private final ProductRows rows;
    private final Audit audit;
    private final ProductCategories categories;
    private final VariantRows variantRows;
    private final VariantSets variantSets;
    private final Validator validator;
    private final FacetRows facetRows;

    Products(StoreConfig store, ProductRows rows, Audit audit, ProductCategories categories,
            VariantRows variantRows, VariantSets variantSets, Validator validator, FacetRows facetRows) {
        this.facetRows = facetRows;
        this.categories = categories;
        this.validator = validator;
        this.store = store;
        this.rows = rows;
        this.audit = audit;
        this.variantRows = variantRows;
        this.variantSets = variantSets;
    }

    /** The storefront's sorts, spelled {@code newest}, {@code price_asc}... in the API. */
    public enum Sort implements WireEnums.Spelled {
        NEWEST("created_at DESC, id DESC"),
        PRICE_ASC("price_cents, id"),
        PRICE_DESC("price_cents DESC, id DESC"),
        NAME("lower(name), id");

        /** In SQL, in the order of the partial index that serves it (V2: product_active_*, product_all_newest). */
        final String sqlOrderBy;

        Sort(String sqlOrderBy) {
            this.sqlOrderBy = sqlOrderBy;
        }

        @Override
        public String value() {
            return WireEnums.value(this);
        }
    }

    /**
     * The storefront list. Without variant filters and facets it is the v1 answer ({@link Page}); with them a
     * {@link ProductListPage}: the products of which ONE active variant passes every variant filter
     * ({@link ListFilters}), and with {@code facets} the facets of that whole result ({@link FacetRows}).
     */
    public Object listPublic(String q, String category, Sort sort, PageRequest page, ListFilters filters,
            boolean facets) {
        if (!filters.any() && !facets) {
            return listPublic(q, category, sort, page);
        }
        StringBuilder where = new StringBuilder("active");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" AND (name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            params.add(LikePatterns.contains(q));
            params.add(LikePatterns.contains(q));
        }
        // The category and the options are one lookup of the products' tokens (V18's GIN index) ...
        List<String> tokens = new ArrayList<>(filters.productTokens());
        if (category != null && !category.isBlank()) {
            Optional<UUID> categoryId = categories.idOf(category);
            if (categoryId.isEmpty()) {
                return new ProductListPage(List.of(), page.page(), page.size(), 0, 0, facets ? ProductFacets.none() : null);
            }
            tokens.add(ListFilters.categoryToken(categoryId.get()));
        }
        if (!tokens.isEmpty()) {
            where.append(" AND filter_tokens @> ?::text[]");
            params.add(tokens.toArray(String[]::new));
        }
        // ... and what they cannot say (a price, stock, several options of one variant) a probe of its variants.
        if (filters.needsVariants()) {
            where.append(" AND EXISTS (SELECT 1 FROM product_variant fv WHERE fv.product_id = product.id AND ")
                    .append(filters.variantMatches("fv", params)).append(")");
        }
        String resultWhere = where.toString();
        List<ProductRows.Head> items;
        long total;
        ProductFacets counted = null;
        if (facets) {
            FacetRows.FacetedPage found = facetRows.page(resultWhere, params, filters, sort.sqlOrderBy, page.offset(),
                    page.size());
            items = byIds(found.ids());
            total = found.total();
            counted = found.facets();
        } else {
            items = byIds(rows.pageIds(resultWhere, params, sort.sqlOrderBy, page.offset(), page.size()));
            total = items.isEmpty() && page.page() == 0 ? 0
                    : items.size() < page.size() && !items.isEmpty() ? (long) page.offset() + items.size()
                    : rows.countWhere(resultWhere, params);
        }
        Page<ProductDto> found = Page.of(dtos(items), page, total);
        return new ProductListPage(found.items().stream().map(Products::forShoppers).toList(), found.page(),
                found.size(), found.totalItems(), found.totalPages(), counted);
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
            Page<ProductDto> found = inCategory(category, where.toString(), params, sort, page);
            return Page.of(found.items().stream().map(Products::forShoppers).toList(), page, found.totalItems());
        }
        if (q == null || q.isBlank()) {
            // The whole active catalog: its size is kept by triggers (V8), so no count(*) per page.
            List<ProductRows.Head> items = byIds(rows.pageIds("active", sort.sqlOrderBy, page.offset(), page.size()));
            long total = rows.activeProductCount();
            return Page.of(publicDtos(items), page, total);
        }
        Page<ProductDto> found = pageWhere("active AND (name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')",
                List.of(LikePatterns.contains(q), LikePatterns.contains(q)), sort, page);
        return Page.of(found.items().stream().map(Products::forShoppers).toList(), page, found.totalItems());
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
        return inCategory(categories.subtree(category), where, params, sort, page);
    }

    private Page<ProductDto> inCategory(List<UUID> subtree, String where, List<Object> params, Sort sort,
            PageRequest page) {
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
        List<ProductRows.Head> items = byIds(few
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
        return rows.activeHead(slug).map(h -> dtos(List.of(h)).get(0)).map(Products::forShoppers)
                .orElseThrow(() -> ApiException.notFound("Product"));
    }

    /**
     * The back office's list, archived products included. {@code filters} are the storefront's variant filters
     * ({@link ListFilters}), read the same way: a product matches when one of its ACTIVE variants passes them all
     * (archived variants are out of the product's set, and may hold values its options no longer have).
     */
    public Page<ProductDto> listAdmin(String q, Boolean active, String category, ListFilters filters,
            PageRequest page) {
        boolean inCategory = category != null && !category.isBlank();
        if (inCategory || filters.any()) {
            StringBuilder where = new StringBuilder(active == null ? "true" : active ? "active" : "NOT active");
            List<Object> params = new ArrayList<>();
            if (q != null && !q.isBlank()) {
                where.append(" AND (sku ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\')");
                params.add(LikePatterns.contains(q));
                params.add(LikePatterns.contains(q));
            }
            if (filters.any()) {
                where.append(" AND id IN (SELECT fv.product_id FROM product_variant fv WHERE ")
                        .append(filters.variantMatches("fv", params)).append(")");
            }
            if (inCategory) {
                return inCategory(category, where.toString(), params, Sort.NEWEST, page);
            }
            return pageWhere(where.toString(), params, Sort.NEWEST, page);
        }
        String where = active == null ? "true" : active ? "active" : "NOT active";
        if (q == null || q.isBlank()) {
            return pageWhere(where, List.of(), Sort.NEWEST, page);
        }
        return pageWhere(where + " AND (sku ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\')",
                List.of(LikePatterns.contains(q), LikePatterns.contains(q)), Sort.NEWEST, page);
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
        boolean withVariants = request.variants() != null;
        List<ProductOptionDto> options = request.options() == null ? List.of() : request.options();
        VariantSets.checkOptions(options, "options");
        List<VariantRows.Write> writes = List.of();
        if (withVariants) {
            List<VariantSets.Problem> problems = new ArrayList<>();
            writes = variantSets.plan(null, options, request.variants(), List.of(), problems);
            if (problems.stream().anyMatch(p -> !p.field().equals("sku") || !p.message().startsWith("is taken"))) {
                throw VariantSets.invalid(problems);
            }
            if (!problems.isEmpty()) {
                throw skuTaken();
            }
        }
        // The product row carries the v1 view: the first variant's sku, the lowest active price, the first image.
        ProductCreate row = request;
        if (withVariants || request.images() != null) {
            String sku = withVariants ? writes.get(0).sku() : request.sku();
            long price = withVariants ? lowestPrice(writes) : request.priceCents();
            String image = request.images() != null
                    ? (request.images().isEmpty() ? null : request.images().get(0).url()) : request.imageUrl();
            row = new ProductCreate(sku, request.slug(), request.name(), request.description(), price, request.stock(),
                    request.active(), image);
        }
        UUID id = UUID.randomUUID();
        ProductCreate inserted = row;
        String slug = Slugs.insertUnderFreeSlug(request.slug(), request.name(), s -> rows.insertIfFree(id, inserted, s),
                rows::nextFreeSuffix, () -> {
                    if (rows.skuExists(inserted.sku())) {
                        throw skuTaken();
                    }
                }, Products::slugTaken);
        if (withVariants) {
            variantSets.write(id, options, writes, List.of(), problems -> skuTaken());
        } else {
            rows.insertDefaultVariants(List.of(ProductRows.Row.of(id, row, slug)));
        }
        if (request.images() != null) {
            variantRows.replaceImages(id, request.images());
        } else if (withVariants && row.imageUrl() != null) {
            rows.insertDefaultImages(List.of(ProductRows.Row.of(id, row, slug)));
        }
        if (request.categoryIds() != null) {
            categories.set(id, request.categoryIds());
        }
        ProductDto created = dto(find(id));
        audit.record("product.created", "product", id, null, created);
        return created;
    }

    /**
     * The whole variant set of a product: matched by id (else by sku among the product's variants) are updated,
     * new ones created, those left out archived. The product's row is locked first, then its variants in id order.
     */
    @Transactional
    @ChangesCatalog
    public ProductDto replaceVariants(UUID id, VariantSet body) {
        ProductRows.Head product = rows.head(id, true).orElseThrow(() -> ApiException.notFound("Product"));
        if (body.version() != product.version()) {
            throw versionConflict();
        }
        List<ProductOptionDto> options = body.options() == null ? List.of() : body.options();
        VariantSets.checkOptions(options, "options");
        ProductDto before = dto(product);
        List<VariantRows.Stored> existing = variantRows.lockVariants(id);
        List<VariantSets.Problem> problems = new ArrayList<>();
        for (int i = 0; i < body.variants().size(); i++) {
            VariantInput item = body.variants().get(i);
            if (item != null) {
                for (var violation : validator.validate(item)) {
                    problems.add(new VariantSets.Problem(i, leaf(violation.getPropertyPath()), violation.getMessage()));
                }
            }
        }
        List<VariantRows.Write> writes = variantSets.plan(id, options, body.variants(), existing, problems);
        if (!problems.isEmpty()) {
            throw VariantSets.unprocessable(problems);
        }
        // The row is locked: its version cannot have moved since it was read.
        if (!rows.updateIfVersion(id, product.version(), Map.of("updated_at", now()))) {
            throw new IllegalStateException("product " + id + " changed under its row lock");
        }
        variantSets.write(id, options, writes, existing, VariantSets::unprocessable);
        // Read again: the variants' writes changed the product's price, sku and image.
        ProductDto after = dto(find(id));
        audit.record("product.variants_replaced", "product", id, before, after);
        return after;
    }

    private static long lowestPrice(List<VariantRows.Write> writes) {
        return writes.stream().filter(VariantRows.Write::active).mapToLong(VariantRows.Write::priceCents).min()
                .orElse(writes.stream().mapToLong(VariantRows.Write::priceCents).min().orElse(0));
    }

    private static String leaf(jakarta.validation.Path path) {
        String last = "item";
        for (jakarta.validation.Path.Node node : path) {
            last = node.getName();
        }
        return last;
    }

    @Transactional
    @ChangesCatalog
    public ProductDto update(UUID id, ProductPatch patch) {
        ProductRows.Head product = find(id);
        if (patch.version() != null && patch.version() != product.version()) {
            throw versionConflict();
        }
        ProductDto before = dto(product);
        if ((patch.priceCents() != null || patch.stock() != null) && before.variants().stream()
                .filter(com.acme.shop.catalog.dto.VariantDto::active).count() > 1) {
            List<FieldError> errors = new ArrayList<>();
            if (patch.priceCents() != null) {
                errors.add(new FieldError("priceCents", "the product has several variants: edit the variants"));
            }
            if (patch.stock() != null) {
                errors.add(new FieldError("stock", "the product has several variants: edit the variants"));
            }
            throw ApiException.validation(errors);
        }
        if (patch.images() != null && patch.imageUrl() != null) {
            throw ApiException.validation("imageUrl", "must be left out when images are given");
        }
        Map<String, Object> columns = changes(patch);
        if (patch.images() != null) {
            columns.put("image_url", patch.images().isEmpty() ? null : patch.images().get(0).url());
        }
        try {
            columns.put("updated_at", now());
            // Over the version read: a write in between (another admin's) is refused, not overwritten.
            if (!rows.updateIfVersion(id, product.version(), columns)) {
                throw versionConflict();
            }
            // The v1 sku, price and stock are the product's one variant's; the v1 image is its first image.
            rows.syncVariants(List.of(new ProductRows.Row(id, patch.sku(), null, null, null, patch.priceCents(),
                    patch.stock(), null, patch.images() == null ? patch.imageUrl() : null)));
            if (patch.images() != null) {
                variantRows.replaceImages(id, patch.images());
            }
        } catch (ProductRows.CatalogWriteException e) {
            throw translate(e);
        }
        if (patch.categoryIds() != null) {
            categories.set(id, patch.categoryIds());
        }
        // Read again: the variants' sync and the database's defaults are what the answer shows.
        ProductDto after = dto(find(id));
        audit.record("product.updated", "product", id, before, after);
        return after;
    }

    @Transactional
    @ChangesCatalog
    public void archive(UUID id) {
        find(id);
        // One guarded update: archiving an archived product changes nothing, and a concurrent edit neither fails
        // it nor is lost (only active and updated_at are written).
        if (rows.archive(id, now())) {
            audit.record("product.archived", "product", id, java.util.Map.of("active", true), java.util.Map.of("active", false));
        }
    }

    /** The product columns a patch sets, in a stable order. */
    static Map<String, Object> changes(ProductPatch patch) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (patch.sku() != null) {
            columns.put("sku", patch.sku());
        }
        if (patch.slug() != null) {
            columns.put("slug", patch.slug());
        }
        if (patch.name() != null) {
            columns.put("name", patch.name().trim());
        }
        if (patch.description() != null) {
            columns.put("description", patch.description().isEmpty() ? null : patch.description());
        }
        if (patch.priceCents() != null) {
            columns.put("price_cents", patch.priceCents());
        }
        if (patch.active() != null) {
            columns.put("active", patch.active());
        }
        if (patch.imageUrl() != null) {
            columns.put("image_url", patch.imageUrl().isEmpty() ? null : patch.imageUrl());
        }
        return columns;
    }

    /**
     * A page of the products {@code where} picks (fixed SQL, {@code ?} for {@code params}) in the sort's order: the
     * page's ids over an index (a deep page skips index entries, not rows), then its rows; the count only when the
     * page does not tell it.
     */
    private Page<ProductDto> pageWhere(String where, List<Object> params, Sort sort, PageRequest page) {
        List<ProductRows.Head> items = byIds(rows.pageIds(where, params, sort.sqlOrderBy, page.offset(), page.size()));
        long total = items.isEmpty() && page.page() == 0 ? 0
                : items.size() < page.size() && !items.isEmpty() ? (long) page.offset() + items.size()
                : rows.countWhere(where, params);
        return Page.of(dtos(items), page, total);
    }

    /**
     * A page's products in the order of {@code ids}: the page was chosen over a narrow index of ids (a deep page
     * skips index entries, not whole rows), then only its rows are read.
     */
    private List<ProductRows.Head> byIds(List<UUID> ids) {
        return rows.heads(ids);
    }

    private ProductRows.Head find(UUID id) {
        return rows.head(id, false).orElseThrow(() -> ApiException.notFound("Product"));
    }

    private ProductDto dto(ProductRows.Head product) {
        return dtos(List.of(product)).get(0);
    }

    private List<ProductDto> publicDtos(List<ProductRows.Head> products) {
        return dtos(products).stream().map(Products::forShoppers).toList();
    }

    /** The storefront's view: archived variants are history, not offered. */
    private static ProductDto forShoppers(ProductDto p) {
        if (p.variants().stream().allMatch(com.acme.shop.catalog.dto.VariantDto::active)) {
            return p;
        }
        return new ProductDto(p.id(), p.sku(), p.slug(), p.name(), p.description(), p.priceCents(), p.currency(),
                p.stock(), p.active(), p.imageUrl(), p.createdAt(), p.updatedAt(), p.version(), p.options(),
                p.variants().stream().filter(com.acme.shop.catalog.dto.VariantDto::active).toList(), p.images(),
                p.categories());
    }

    /**
     * A page of products with their options, variants, images and categories: four statements, whatever the page
     * size. The v1 fields over the variants: {@code sku} is the first variant's, {@code priceCents} the lowest active
     * price (both kept on the product row), {@code stock} the active variants' units in all, {@code imageUrl} the
     * first image's.
     */
    private List<ProductDto> dtos(List<ProductRows.Head> products) {
        List<UUID> ids = products.stream().map(ProductRows.Head::id).toList();
        Map<UUID, VariantRows.Details> details = variantRows.details(ids);
        Map<UUID, List<com.acme.shop.catalog.dto.CategoryRef>> filed = categories.of(ids);
        return products.stream().map(p -> {
            VariantRows.Details d = details.get(p.id());
            int stock = 0;
            for (com.acme.shop.catalog.dto.VariantDto v : d.variants()) {
                if (v.active()) {
                    stock += v.stock();
                }
            }
            return new ProductDto(p.id(), p.sku(), p.slug(), p.name(), p.description(), p.priceCents(),
                    store.currency(), stock, p.active(), d.images().isEmpty() ? null : d.images().get(0).url(),
                    p.createdAt(), p.updatedAt(), p.version(), List.copyOf(d.options()), List.copyOf(d.variants()),
                    List.copyOf(d.images()), List.copyOf(filed.getOrDefault(p.id(), List.of())));
        }).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException translate(RuntimeException e) {
        if (UniqueViolations.violates(e, "product_sku_unique") || UniqueViolations.violates(e, "product_variant_sku_unique")) {
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
