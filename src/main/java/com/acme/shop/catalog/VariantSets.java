package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductOptionDto;
import com.acme.shop.catalog.dto.VariantInput;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import com.acme.shop.platform.UniqueViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a product's options and variants, and their writing: a whole set at a time (a create, or
 * {@code PUT .../variants}), all or nothing. Checked here first (every problem reported with its variant's index);
 * the database's keys decide what a concurrent writer changed meanwhile (a sku taken between the check and the
 * write is reported like one taken before).
 */
@ApplicationScoped
class VariantSets {

    private static final Pattern SKU_CLASH = Pattern.compile("Key \\(sku\\)=\\((.*)\\) already exists");

    private final VariantRows rows;

    VariantSets(VariantRows rows) {
        this.rows = rows;
    }

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * A variant's problem: its index in the request, the field, what is wrong; {@code other} is the index of the
     * variant it repeats (a sku or a combination), for a caller that names variants otherwise (an import's lines).
     */
    record Problem(int index, String field, String message, Integer other) {

        Problem(int index, String field, String message) {
            this(index, field, message, null);
        }
    }

    /**
     * Option names unique (ignoring case), values unique within their option, neither holding a control character
     * (the list's filter tokens, V18, separate them with one); 400 naming the option otherwise.
     */
    static void checkOptions(List<ProductOptionDto> options, String path) {
        List<FieldError> errors = optionProblems(options, path);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** What {@link #checkOptions} refuses, each problem named by its path under {@code path}. */
    static List<FieldError> optionProblems(List<ProductOptionDto> options, String path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int o = 0; o < options.size(); o++) {
            ProductOptionDto option = options.get(o);
            if (option == null || option.name() == null || option.values() == null) {
                errors.add(new FieldError(path + "[" + o + "]", "must have a name and values"));
                continue;
            }
            if (!names.add(option.name().trim().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path + "[" + o + "].name", "duplicates another option's name"));
            }
            if (CONTROL.matcher(option.name()).find()) {
                errors.add(new FieldError(path + "[" + o + "].name", "must not contain control characters"));
            }
            Set<String> values = new HashSet<>();
            for (String value : option.values()) {
                if (value != null && CONTROL.matcher(value).find()) {
                    errors.add(new FieldError(path + "[" + o + "].values", "must not contain control characters"));
                } else if (value != null && !values.add(value.trim())) {
                    errors.add(new FieldError(path + "[" + o + "].values", "repeats the value '" + value.trim() + "'"));
                }
            }
        }
        return errors;
    }

    /**
     * Every problem of the variants against the options and each other; {@code existing} are the product's
     * variants (none for a create). Matches each item to a stored variant (by id, else by sku among this product's
     * variants) and answers the writes when there is no problem.
     */
    List<VariantRows.Write> plan(UUID productId, List<ProductOptionDto> options, List<VariantInput> variants,
            List<VariantRows.Stored> existing, List<Problem> problems) {
        Map<String, Integer> skuAt = new HashMap<>();
        Map<String, VariantRows.Stored> bySku = new HashMap<>();
        Set<UUID> claimedIds = new HashSet<>();
        List<VariantRows.Write> writes = planAmongThemselves(options, variants, existing, problems, skuAt, bySku,
                claimedIds);
        // Skus some other product's variant has (the product's own archived ones were matched above).
        Map<String, UUID> owners = rows.skuOwners(skuAt.keySet());
        owners.forEach((sku, owner) -> {
            if (!owner.equals(productId)) {
                problems.add(new Problem(skuAt.get(sku), "sku", "is taken by another product's variant"));
            } else if (bySku.containsKey(sku)) {
                UUID holder = bySku.get(sku).id();
                VariantRows.Write write = writes.stream().filter(w -> w.sku().equals(sku)).findFirst().orElse(null);
                // the sku stays with this product; a variant left out keeps it while archived
                if (write != null && !write.id().equals(holder) && !claimedIds.contains(holder)) {
                    problems.add(new Problem(skuAt.get(sku), "sku", "belongs to an archived variant of this product; "
                            + "send that variant's id"));
                }
            }
        });
        problems.sort(java.util.Comparator.comparingInt(Problem::index));
        return writes;
    }

    /**
     * The variants of a new product checked against its options and each other, without the catalog: for an import,
     * which checks every line's sku against the catalog in one statement. New variant ids; problems in index order.
     */
    static List<VariantRows.Write> planNew(List<ProductOptionDto> options, List<VariantInput> variants,
            List<Problem> problems) {
        List<VariantRows.Write> writes = planAmongThemselves(options, variants, List.of(), problems, new HashMap<>(),
                new HashMap<>(), new HashSet<>());
        problems.sort(java.util.Comparator.comparingInt(Problem::index));
        return writes;
    }

    /** The checks of {@link #plan} that need no database; fills {@code skuAt}, {@code bySku} and {@code claimedIds}. */
    private static List<VariantRows.Write> planAmongThemselves(List<ProductOptionDto> options,
            List<VariantInput> variants, List<VariantRows.Stored> existing, List<Problem> problems,
            Map<String, Integer> skuAt, Map<String, VariantRows.Stored> bySku, Set<UUID> claimedIds) {
        List<String> names = options.stream().map(o -> o.name().trim()).toList();
        Map<String, Set<String>> allowed = new HashMap<>();
        options.forEach(o -> allowed.put(o.name().trim(), new HashSet<>(o.values().stream().map(String::trim).toList())));
        Map<UUID, VariantRows.Stored> byId = new HashMap<>();
        existing.forEach(v -> {
            byId.put(v.id(), v);
            bySku.put(v.sku(), v);
        });
        variants.stream().filter(v -> v != null && v.id() != null).forEach(v -> claimedIds.add(v.id()));

        Map<String, Integer> comboAt = new HashMap<>();
        Map<UUID, Integer> idAt = new HashMap<>();
        List<VariantRows.Write> writes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantInput v = variants.get(i);
            if (v == null) {
                problems.add(new Problem(i, "item", "must be an object"));
                continue;
            }
            UUID id = v.id();
            if (id != null) {
                Integer first = idAt.putIfAbsent(id, i);
                if (first != null) {
                    problems.add(new Problem(i, "id", "duplicates the id of variant " + first));
                } else if (!byId.containsKey(id)) {
                    problems.add(new Problem(i, "id", "is not a variant of this product"));
                }
            } else if (v.sku() != null && bySku.containsKey(v.sku()) && !claimedIds.contains(bySku.get(v.sku()).id())) {
                id = bySku.get(v.sku()).id();
                claimedIds.add(id);
            } else {
                id = UUID.randomUUID();
            }
            if (v.sku() != null) {
                Integer first = skuAt.putIfAbsent(v.sku(), i);
                if (first != null) {
                    problems.add(new Problem(i, "sku", "duplicates the sku of variant " + first, first));
                }
            }
            Map<String, String> chosen = v.options() == null ? Map.of() : v.options();
            List<String> values = new ArrayList<>();
            boolean comboOk = true;
            for (String name : chosen.keySet()) {
                if (!allowed.containsKey(name == null ? "" : name.trim())) {
                    problems.add(new Problem(i, "options", "the product has no option '" + name + "'"));
                    comboOk = false;
                }
            }
            for (String name : names) {
                String value = chosen.get(name);
                if (value == null) {
                    problems.add(new Problem(i, "options", "needs a value for '" + name + "'"));
                    comboOk = false;
                } else if (!allowed.get(name).contains(value.trim())) {
                    problems.add(new Problem(i, "options", "'" + value + "' is not among the values of '" + name + "'"));
                    comboOk = false;
                } else {
                    values.add(value.trim());
                }
            }
            boolean active = v.active() == null || v.active();
            String key = null;
            if (comboOk) {
                Map<String, String> ordered = new LinkedHashMap<>();
                for (int o = 0; o < names.size(); o++) {
                    ordered.put(names.get(o), values.get(o));
                }
                key = Combinations.format(ordered);
                if (active) {
                    Integer first = comboAt.putIfAbsent(key, i);
                    if (first != null) {
                        problems.add(new Problem(i, "options", "duplicates the combination of variant " + first, first));
                    }
                }
            }
            if (v.sku() != null && v.priceCents() != null && v.stock() != null && key != null) {
                writes.add(new VariantRows.Write(id, v.sku(), values, key, v.priceCents(), v.stock(), active,
                        v.imageUrl() == null || v.imageUrl().isEmpty() ? null : v.imageUrl(), i));
            }
        }
        return writes;
    }

    /**
     * Writes a planned set: sets the product's variants aside, replaces the options, writes each variant. A sku that
     * the unique key refuses (a concurrent writer took it after the check) comes back as that variant's problem.
     */
    @Transactional(TxType.MANDATORY)
    void write(UUID productId, List<ProductOptionDto> options, List<VariantRows.Write> writes,
            List<VariantRows.Stored> existing, java.util.function.Function<List<Problem>, ApiException> failure) {
        Map<UUID, String> newSkus = new HashMap<>();
        Set<UUID> existingIds = new HashSet<>();
        existing.forEach(v -> existingIds.add(v.id()));
        writes.stream().filter(w -> existingIds.contains(w.id())).forEach(w -> newSkus.put(w.id(), w.sku()));
        try {
            rows.setAside(productId, newSkus);
            rows.replaceOptions(productId, options);
            rows.writeVariants(productId, writes, existingIds);
            rows.refreshProduct(productId);
        } catch (RuntimeException e) {
            String sku = takenSku(e);
            if (sku == null) {
                throw e;
            }
            int index = writes.stream().filter(w -> w.sku().equals(sku)).findFirst().map(VariantRows.Write::position)
                    .orElse(0);
            throw failure.apply(List.of(new Problem(index, "sku", "is taken by another product's variant")));
        }
    }

    /** The sku a write was refused for by {@code product_variant_sku_unique}, or null for any other failure. */
    static String takenSku(Throwable e) {
        if (!UniqueViolations.violates(e, "product_variant_sku_unique")) {
            return null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                Matcher m = SKU_CLASH.matcher(sql.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "";
    }

    /** 422 bulk_validation_failed with each variant's problems. */
    static ApiException unprocessable(List<Problem> problems) {
        return BulkValidation.failed(problems.stream().map(p -> FieldError.atIndex(p.index(), p.field(), p.message()))
                .toList());
    }

    /** For a create (400 validation_failed, fields named {@code variants[i].field}). */
    static ApiException invalid(List<Problem> problems) {
        return ApiException.validation(problems.stream()
                .map(p -> new FieldError("variants[" + p.index() + "]." + p.field(), p.message())).toList());
    }
}
