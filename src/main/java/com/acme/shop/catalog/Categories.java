package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.CategoryCreate;
import com.acme.shop.catalog.dto.CategoryDto;
import com.acme.shop.catalog.dto.CategoryNode;
import com.acme.shop.catalog.dto.CategoryPatch;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.UniqueViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The category tree: reads for the storefront, and the back office's writes. The tree's one rule (no category
 * under itself or a descendant) holds in the database (V16's trigger); moves are checked here first, under the
 * same lock, so that a refused move is answered 409 with a reason. Every write {@link ChangesCatalog}: the tree, the
 * category filter of the product list and products' categories are all cached public reads.
 */
@ApplicationScoped
public class Categories {

    private final CategoryRows rows;
    private final Audit audit;

    Categories(CategoryRows rows, Audit audit) {
        this.rows = rows;
        this.audit = audit;
    }

    /** The whole tree: top-level categories and, under each, its children, in display order. */
    public List<CategoryNode> tree() {
        Map<UUID, List<CategoryRows.Category>> children = new HashMap<>();
        List<CategoryRows.Category> roots = new ArrayList<>();
        for (CategoryRows.Category c : rows.all()) { // already in display order
            if (c.parentId() == null) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        return nodes(roots, children);
    }

    private static List<CategoryNode> nodes(List<CategoryRows.Category> level,
            Map<UUID, List<CategoryRows.Category>> children) {
        List<CategoryNode> out = new ArrayList<>(level.size());
        for (CategoryRows.Category c : level) {
            out.add(new CategoryNode(c.id(), c.slug(), c.name(),
                    nodes(children.getOrDefault(c.id(), List.of()), children)));
        }
        return out;
    }

    public CategoryDto get(UUID id) {
        return rows.find(id).map(Categories::dto).orElseThrow(Categories::notFound);
    }

    /**
     * Inserts with {@code ON CONFLICT DO NOTHING}, as for products: an explicit slug that is taken is 409
     * {@code slug_taken}, a derived one moves on to the next free {@code -N}, and two creates racing for one derived
     * slug both succeed with different slugs.
     */
    @Transactional
    @ChangesCatalog
    public CategoryDto create(CategoryCreate request) {
        if (request.parentId() != null && !rows.exists(request.parentId())) {
            throw unknownParent();
        }
        UUID id = UUID.randomUUID();
        String name = request.name().trim();
        Slugs.insertUnderFreeSlug(request.slug(), name, slug -> {
            try {
                return rows.insertIfFree(id, request.parentId(), slug, name, request.position());
            } catch (RuntimeException e) {
                throw translate(e, false);
            }
        }, rows::nextFreeSuffix, () -> { }, Categories::slugTaken);
        CategoryDto created = get(id);
        audit.record("category.created", "category", id, null, created);
        return created;
    }

    @Transactional
    @ChangesCatalog
    public CategoryDto update(UUID id, CategoryPatch patch) {
        UUID parent = patch.movesParent() ? patch.parentId().orElse(null) : null;
        if (patch.movesParent()) {
            // Before any row is locked: moves queue here, never on each other's rows.
            rows.lockTree();
        }
        CategoryRows.Category before = rows.lock(id).orElseThrow(Categories::notFound);
        if (parent != null) {
            if (!rows.exists(parent)) {
                throw unknownParent();
            }
            if (rows.isSelfOrDescendant(parent, id)) {
                throw cycle();
            }
        }
        try {
            rows.update(id, patch.name() == null ? null : patch.name().trim(), patch.slug(), patch.movesParent(),
                    parent, patch.position());
        } catch (RuntimeException e) {
            throw translate(e, false);
        }
        CategoryDto after = get(id);
        audit.record("category.updated", "category", id, dto(before), after);
        return after;
    }

    /** Deletes a category without children; its products stay, unfiled from it. */
    @Transactional
    @ChangesCatalog
    public void delete(UUID id) {
        CategoryRows.Category category = rows.lock(id).orElseThrow(Categories::notFound);
        if (rows.hasChildren(id)) {
            throw hasChildren();
        }
        try {
            rows.delete(id);
        } catch (RuntimeException e) {
            throw translate(e, true);
        }
        audit.record("category.deleted", "category", id, dto(category), null);
    }

    private static CategoryDto dto(CategoryRows.Category c) {
        return new CategoryDto(c.id(), c.slug(), c.name(), c.parentId(), c.position(), c.createdAt(), c.updatedAt());
    }

    /** What the database refused, in the API's words; anything else goes on as it was. */
    private static RuntimeException translate(RuntimeException e, boolean deleting) {
        if (UniqueViolations.violates(e, "category_slug_unique")) {
            return slugTaken();
        }
        if (UniqueViolations.violates(e, "category_no_cycle")) {
            return cycle();
        }
        String state = sqlState(e);
        if ("23503".equals(state)) {
            // category_parent_fk: a child came while deleting, or the new parent went away while writing.
            return deleting ? hasChildren() : unknownParent();
        }
        if ("40001".equals(state) || "40P01".equals(state)) {
            return ApiException.conflict("conflict", "The category tree changed meanwhile; retry");
        }
        return e;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static ApiException notFound() {
        return ApiException.notFound("Category");
    }

    static ApiException unknownParent() {
        return ApiException.validation("parentId", "no category has this id");
    }

    static ApiException slugTaken() {
        return ApiException.conflict("slug_taken", "A category with this slug already exists");
    }

    static ApiException cycle() {
        return ApiException.conflict("conflict", "A category cannot be moved under itself or one of its descendants");
    }

    static ApiException hasChildren() {
        return ApiException.conflict("conflict", "The category has sub-categories; move or delete them first");
    }
}
