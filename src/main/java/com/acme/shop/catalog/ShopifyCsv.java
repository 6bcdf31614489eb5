package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ImageDto;
import com.acme.shop.catalog.dto.ImportResult;
import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.catalog.dto.ProductOptionDto;
import com.acme.shop.catalog.dto.ProductRules;
import com.acme.shop.catalog.dto.VariantInput;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Shopify's product CSV export, as a create of each product it holds. The rows of one {@code Handle} are one
 * product: its first row carries the title, the body and the option names, every row may carry a variant (option
 * values, sku, price in major units, inventory) and an image; a row with neither an option value, a sku nor a price
 * is an image only. The handle is the product's slug; {@code Body (HTML)} becomes the description as plain text
 * ({@link HtmlText}); a single variant whose one option is {@code Title: Default Title} (Shopify's way of saying "no
 * options") makes a product without options; {@code Status} draft or archived, or {@code Published} false, makes it
 * inactive; an empty {@code Variant SKU} gets one made from the handle ({@link #withSkus}). Columns are matched by
 * name (in any case and order); the ones the shop has no use for are ignored.
 *
 * <p>Each product is checked by the rules of a create ({@link ProductCreate}'s validation and
 * {@link VariantSets#planNew}) as soon as its last row is read, then staged ({@link ShopifyRows}); what products
 * have to do with each other and with the catalog (a handle that comes back, skus and handles taken) is checked
 * set-based once the file is read. So memory holds one product (at most 1,000 variants and 50 images), whatever the
 * size of the file. Errors name the physical line of the row (where its record starts) and the Shopify column;
 * nothing is written unless every product is clean. Existing products are not updated: a handle or sku the catalog
 * has is an error.
 */
@ApplicationScoped
public class ShopifyCsv {

    static final String HANDLE = "Handle";
    static final String TITLE = "Title";
    static final String BODY = "Body (HTML)";
    static final String PUBLISHED = "Published";
    static final String STATUS = "Status";
    static final String VARIANT_SKU = "Variant SKU";
    static final String VARIANT_PRICE = "Variant Price";
    static final String INVENTORY_QTY = "Variant Inventory Qty";
    static final String VARIANT_IMAGE = "Variant Image";
    static final String IMAGE_SRC = "Image Src";
    static final String IMAGE_POSITION = "Image Position";
    static final String IMAGE_ALT = "Image Alt Text";
    private static final List<String> REQUIRED = List.of(HANDLE, TITLE, VARIANT_SKU, VARIANT_PRICE);
    private static final int OPTIONS = 3;
    private static final int MAX_VARIANTS = 1000;
    private static final int MAX_IMAGES = 50;
    private static final Pattern PATH = Pattern.compile("^(\\w+)(?:\\[(\\d+)])?(?:\\.(\\w+))?(?:\\[(\\d+)])?");

    private final ShopifyRows rows;
    private final Validator validator;
    private final Audit audit;

    ShopifyCsv(ShopifyRows rows, Validator validator, Audit audit) {
        this.rows = rows;
        this.validator = validator;
        this.audit = audit;
    }

    /** Whether a CSV header is Shopify's product export's: it has a {@code Handle} column (the v1 format has none). */
    static boolean recognises(List<String> header) {
        return header.stream().anyMatch(name -> name != null && name.trim().equalsIgnoreCase(HANDLE));
    }

    /** Imports the records of {@code parser} (its header read and recognised); see the class comment. */
    @Transactional(Transactional.TxType.MANDATORY)
    ImportResult run(CSVParser parser, boolean dryRun) {
        Columns columns = new Columns(parser.getHeaderNames());
        List<String> missing = REQUIRED.stream().filter(c -> !columns.has(c)).toList();
        if (!missing.isEmpty()) {
            throw BulkValidation.failed(List.of(FieldError.atLine(1, "header", "a Shopify product export needs the "
                    + "columns " + String.join(", ", REQUIRED) + "; missing: " + String.join(", ", missing))));
        }
        BulkValidation problems = new BulkValidation();
        boolean staged = false;
        try (ShopifyRows.Staging staging = rows.stage()) {
            Reading reading = new Reading(columns, staging, problems);
            CsvImport.eachRecord(parser, problems, reading::accept);
            reading.end();
            staging.finish();
            staged = true;
        }
        if (staged && !problems.full()) {
            rows.stagedProblems(problems.room()).forEach(p -> problems.atLine(p.line(), p.field(), p.message()));
        }
        problems.throwIfAny();
        if (dryRun) {
            return new ImportResult(rows.countStaged(), 0, true);
        }
        long created = rows.writeStaged();
        audit.record("products.imported", "product", null, null,
                Map.of("created", created, "updated", 0, "format", "shopify"));
        return new ImportResult(created, 0, false);
    }

    /** The header: a column's index by its name, trimmed and in any case (the first of repeated names). */
    private static final class Columns {

        private final List<String> names;
        private final Map<String, Integer> index = new HashMap<>();

        Columns(List<String> header) {
            names = header;
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(key(header.get(i)), i);
            }
        }

        boolean has(String column) {
            return index.containsKey(key(column));
        }

        int size() {
            return names.size();
        }

        String name(int i) {
            return names.get(i);
        }

        /** The field of {@code column} in {@code record}; empty when the file has no such column. */
        String get(CSVRecord record, String column) {
            Integer i = index.get(key(column));
            return i == null ? "" : record.get(i);
        }

        private static String key(String name) {
            return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** The state of one import as it streams: the product whose rows are being read. */
    private final class Reading {

        private final Columns columns;
        private final ShopifyRows.Staging staging;
        private final BulkValidation problems;
        private Product current;

        Reading(Columns columns, ShopifyRows.Staging staging, BulkValidation problems) {
            this.columns = columns;
            this.staging = staging;
            this.problems = problems;
        }

        void accept(CSVRecord record, long line) {
            if (record.size() != columns.size()) {
                problems.atLine(line, "record", "has " + record.size() + " fields; expected " + columns.size());
                if (current != null) {
                    current.ok = false;
                }
                return;
            }
            boolean clean = true;
            for (int i = 0; i < record.size(); i++) {
                if (CsvFields.hasNul(record.get(i))) {
                    problems.atLine(line, columns.name(i).trim(), "must not contain the NUL character");
                    clean = false;
                }
            }
            String handle = columns.get(record, HANDLE).trim();
            if (handle.isEmpty()) {
                problems.atLine(line, HANDLE, "must not be empty: it names the product the row belongs to");
                return;
            }
            if (current != null && !current.handle.equals(handle)) {
                end();
            }
            if (current == null) {
                current = new Product(handle, line, problems);
                current.first(record, columns);
            }
            current.ok &= clean;
            current.row(record, line, columns);
        }

        /** The product read so far is complete: checked, then staged. */
        void end() {
            if (current != null) {
                finish(current);
                current = null;
            }
        }

        private void finish(Product p) {
            List<ProductOptionDto> options = new ArrayList<>();
            List<Integer> optionColumns = new ArrayList<>();
            for (int k = 0; k < OPTIONS; k++) {
                if (!p.optionNames[k].isEmpty()) {
                    options.add(new ProductOptionDto(p.optionNames[k], List.copyOf(p.optionValues.get(k).keySet())));
                    optionColumns.add(k);
                }
            }
            List<VariantInput> variants = p.variants;
            if (variants.size() == 1 && options.size() == 1 && options.get(0).name().equalsIgnoreCase("Title")
                    && options.get(0).values().equals(List.of("Default Title"))) {
                options = List.of();
                optionColumns = List.of();
                VariantInput only = variants.get(0);
                variants = List.of(new VariantInput(null, only.sku(), Map.of(), only.priceCents(), only.stock(), true,
                        only.imageUrl()));
            }
            boolean[] derived = new boolean[variants.size()];
            variants = withSkus(p.handle, variants, derived);
            List<Image> images = new ArrayList<>(p.images);
            // Shopify numbers its images from 1; without a position an image keeps its place in the file.
            images.sort(Comparator.comparing((Image i) -> i.position == null ? Integer.MAX_VALUE : i.position));
            ProductCreate create = new ProductCreate(null, p.handle, p.title, HtmlText.of(p.body), null, null, p.active,
                    null, options, variants,
                    images.isEmpty() ? null : images.stream().map(i -> new ImageDto(i.url, i.alt)).toList(), null);

            List<ConstraintViolation<ProductCreate>> violations = new ArrayList<>(validator.validate(create));
            violations.sort(Comparator.comparing((ConstraintViolation<ProductCreate> v) -> v.getPropertyPath().toString())
                    .thenComparing(ConstraintViolation::getMessage));
            boolean optionsOk = true;
            for (ConstraintViolation<ProductCreate> violation : violations) {
                String path = violation.getPropertyPath().toString();
                optionsOk &= !path.startsWith("options");
                at(p, path, violation.getMessage(), optionColumns, images);
            }
            for (FieldError error : VariantSets.optionProblems(options, "options")) {
                optionsOk = false;
                at(p, error.field(), error.message(), optionColumns, images);
            }
            List<VariantRows.Write> writes = List.of();
            if (optionsOk) {
                List<VariantSets.Problem> planned = new ArrayList<>();
                writes = VariantSets.planNew(options, variants, planned);
                for (VariantSets.Problem problem : planned) {
                    if (problem.field().equals("options") && problem.other() == null) {
                        continue; // a missing option value: reported with its column as the row was read
                    }
                    long line = p.variantLines.get(problem.index());
                    String message = problem.other() == null ? problem.message()
                            : problem.message().replaceFirst("of variant \\d+$",
                                    "of line " + p.variantLines.get(problem.other()));
                    p.fail(line, variantColumn(problem.field()), message);
                }
            }
            if (p.ok && writes.size() == variants.size()) {
                stage(p, create, writes, images, derived);
            } else {
                String handle = CsvFields.hasNul(p.handle) ? null : p.handle;
                staging.invalidProduct(p.firstLine, handle);
                for (Deferred d : p.deferred) {
                    staging.problemUnlessRepeated(d.line(), p.firstLine, handle, d.column(), d.message());
                }
                for (int i = 0; i < variants.size(); i++) {
                    String sku = variants.get(i).sku();
                    if (!derived[i] && !sku.isEmpty() && !CsvFields.hasNul(sku)) {
                        staging.invalidVariant(p.variantLines.get(i), p.firstLine, sku);
                    }
                }
            }
        }

        private void stage(Product p, ProductCreate create, List<VariantRows.Write> writes, List<Image> images,
                boolean[] derived) {
            UUID id = UUID.randomUUID();
            long lowest = writes.stream().mapToLong(VariantRows.Write::priceCents).min().orElse(0);
            staging.product(p.firstLine, id, p.handle, create.name().trim(), create.description(), p.active,
                    writes.get(0).sku(), lowest, images.isEmpty() ? null : images.get(0).url);
            List<ProductOptionDto> options = create.options();
            for (int o = 0; o < options.size(); o++) {
                staging.option(id, o, options.get(o).name().trim());
                List<String> values = options.get(o).values();
                for (int v = 0; v < values.size(); v++) {
                    staging.optionValue(id, o, v, values.get(v).trim());
                }
            }
            for (VariantRows.Write write : writes) {
                staging.variant(p.variantLines.get(write.position()), p.firstLine, id, write, derived[write.position()]);
                for (int o = 0; o < write.values().size(); o++) {
                    staging.variantValue(write.id(), id, o, write.values().get(o));
                }
            }
            for (int i = 0; i < images.size(); i++) {
                String alt = images.get(i).alt;
                staging.image(id, i, images.get(i).url, alt);
            }
        }

        /** A rule a product's create broke, at the line and the Shopify column the value came from. */
        private void at(Product p, String path, String message, List<Integer> optionColumns, List<Image> images) {
            Matcher m = PATH.matcher(path);
            String property = m.lookingAt() ? m.group(1) : path;
            Integer index = m.lookingAt() && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
            String leaf = m.lookingAt() ? m.group(3) : null;
            long line = p.firstLine;
            String column;
            switch (property) {
                case "name" -> {
                    // A handle's rows that come back after another product's start without a title: said once, by
                    // the check between products, unless the handle is new.
                    p.defer(line, TITLE, message);
                    return;
                }
                case "description" -> column = BODY;
                case "slug" -> column = HANDLE;
                case "variants" -> {
                    if (index != null && index < p.variantLines.size()) {
                        line = p.variantLines.get(index);
                        column = variantColumn(leaf);
                    } else {
                        p.defer(line, VARIANT_SKU, message); // as for the title
                        return;
                    }
                }
                case "images" -> {
                    if (index != null && index < images.size()) {
                        line = images.get(index).line;
                        column = "alt".equals(leaf) ? IMAGE_ALT : IMAGE_SRC;
                    } else {
                        column = IMAGE_SRC;
                    }
                }
                case "options" -> {
                    int k = index != null && index < optionColumns.size() ? optionColumns.get(index) : 0;
                    column = "Option" + (k + 1) + ("values".equals(leaf) ? " Value" : " Name");
                    if ("values".equals(leaf) && m.group(4) != null) {
                        List<Long> lines = new ArrayList<>(p.optionValues.get(k).values());
                        int v = Integer.parseInt(m.group(4));
                        if (v < lines.size()) {
                            line = lines.get(v);
                        }
                    }
                }
                default -> column = property;
            }
            p.fail(line, column, message);
        }
    }

    /**
     * The variants with a sku each. Shopify leaves {@code Variant SKU} empty for a product that never had one, and
     * the shop needs one per variant, so an empty one is made from the handle, upper-cased: {@code CLASSIC-TEE} for
     * a product without options, {@code CLASSIC-TEE-L-BLACK} with the variant's option values; the variant's place
     * in the product instead ({@code CLASSIC-TEE-3}) where the values make no sku, one too long, or one
     * another variant of the product has. Nothing is made from a handle that is not a slug (the handle's own error
     * says what is wrong). {@code derived[i]} tells which were made, so that a clash with another product or the
     * catalog says so.
     */
    static List<VariantInput> withSkus(String handle, List<VariantInput> variants, boolean[] derived) {
        if (!handle.matches(Slugs.FORMAT) || variants.stream().noneMatch(v -> v.sku().isEmpty())) {
            return variants;
        }
        String base = handle.toUpperCase(Locale.ROOT);
        Set<String> taken = new HashSet<>();
        variants.forEach(v -> taken.add(v.sku()));
        List<VariantInput> out = new ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            VariantInput v = variants.get(i);
            if (!v.sku().isEmpty()) {
                out.add(v);
                continue;
            }
            StringBuilder sku = new StringBuilder(base);
            boolean words = true;
            for (String value : v.options().values()) {
                String word = Slugs.words(value);
                words &= !word.isEmpty();
                sku.append('-').append(word.toUpperCase(Locale.ROOT));
            }
            String made = sku.toString();
            if (!words || made.length() > ProductRules.SKU_MAX_LENGTH || !taken.add(made)) {
                String place = "-" + (i + 1);
                made = base.substring(0, Math.min(base.length(), ProductRules.SKU_MAX_LENGTH - place.length()))
                        .replaceAll("-+$", "") + place;
                taken.add(made);
            }
            derived[i] = true;
            out.add(new VariantInput(v.id(), made, v.options(), v.priceCents(), v.stock(), v.active(), v.imageUrl()));
        }
        return out;
    }

    /** The Shopify column of a variant's field. */
    private static String variantColumn(String field) {
        if (field == null) {
            return VARIANT_SKU;
        }
        return switch (field) {
            case "priceCents" -> VARIANT_PRICE;
            case "stock" -> INVENTORY_QTY;
            case "imageUrl" -> VARIANT_IMAGE;
            case "options" -> "options";
            default -> VARIANT_SKU;
        };
    }

    /** A product's problem that is only reported when its handle is not one that came back. */
    private record Deferred(long line, String column, String message) {
    }

    /** An image row's picture. */
    private record Image(String url, String alt, Integer position, long line) {
    }

    /** The rows of one handle read so far. */
    private static final class Product {

        final String handle;
        final long firstLine;
        String title = "";
        String body = "";
        boolean active = true;
        final String[] optionNames = new String[OPTIONS];
        /** Per option, its values in the order they first appear, each with the line where it did. */
        final List<LinkedHashMap<String, Long>> optionValues = new ArrayList<>();
        final List<VariantInput> variants = new ArrayList<>();
        final List<Long> variantLines = new ArrayList<>();
        final List<Image> images = new ArrayList<>();
        boolean ok = true;
        final List<Deferred> deferred = new ArrayList<>(2);
        private final BulkValidation problems;
        private boolean tooManyVariants;
        private boolean tooManyImages;

        Product(String handle, long firstLine, BulkValidation problems) {
            this.handle = handle;
            this.firstLine = firstLine;
            this.problems = problems;
            for (int k = 0; k < OPTIONS; k++) {
                optionValues.add(new LinkedHashMap<>());
            }
        }

        /** A problem of the product, at a line of it: the product is not written (nor is anything else). */
        void fail(long line, String column, String message) {
            problems.atLine(line, column, message);
            ok = false;
        }

        /** See {@link Deferred}. */
        void defer(long line, String column, String message) {
            deferred.add(new Deferred(line, column, message));
            ok = false;
        }

        /** The product's own fields, from its first row. */
        void first(CSVRecord record, Columns columns) {
            title = columns.get(record, TITLE);
            body = columns.get(record, BODY);
            for (int k = 0; k < OPTIONS; k++) {
                optionNames[k] = columns.get(record, "Option" + (k + 1) + " Name").trim();
            }
        }

        /** One row of the product (its first one too): a variant, an image, or both. */
        void row(CSVRecord record, long line, Columns columns) {
            if (line == firstLine) {
                status(record, line, columns);
            }
            boolean variant = !columns.get(record, VARIANT_SKU).isBlank() || !columns.get(record, VARIANT_PRICE).isBlank();
            for (int k = 0; k < OPTIONS; k++) {
                variant |= !columns.get(record, "Option" + (k + 1) + " Value").isBlank();
            }
            if (variant) {
                variant(record, line, columns);
            }
            String src = columns.get(record, IMAGE_SRC).trim();
            if (!src.isEmpty()) {
                if (images.size() < MAX_IMAGES) {
                    String alt = columns.get(record, IMAGE_ALT).trim();
                    String position = columns.get(record, IMAGE_POSITION).trim();
                    images.add(new Image(src, alt.isEmpty() ? null : alt,
                            position.matches("\\d{1,6}") ? Integer.valueOf(position) : null, line));
                } else if (!tooManyImages) {
                    tooManyImages = true;
                    fail(line, IMAGE_SRC, "the product has more than " + MAX_IMAGES + " images");
                }
            }
        }

        private void variant(CSVRecord record, long line, Columns columns) {
            if (variants.size() >= MAX_VARIANTS) {
                if (!tooManyVariants) {
                    tooManyVariants = true;
                    fail(line, VARIANT_SKU, "the product has more than " + MAX_VARIANTS + " variants");
                }
                return;
            }
            CsvFields.Parsed<Long> price = CsvFields.priceCents(columns.get(record, VARIANT_PRICE));
            if (!price.ok()) {
                fail(line, VARIANT_PRICE, price.problem());
            }
            String quantity = columns.get(record, INVENTORY_QTY).trim();
            CsvFields.Parsed<Integer> stock = quantity.isEmpty() ? CsvFields.Parsed.valid(0) : CsvFields.stock(quantity);
            if (!stock.ok()) {
                fail(line, INVENTORY_QTY, stock.problem());
            }
            Map<String, String> chosen = new LinkedHashMap<>();
            for (int k = 0; k < OPTIONS; k++) {
                String column = "Option" + (k + 1) + " Value";
                String value = columns.get(record, column).trim();
                if (optionNames[k].isEmpty()) {
                    if (!value.isEmpty()) {
                        fail(line, column, "the product's first row gives no Option" + (k + 1) + " Name");
                    }
                } else if (value.isEmpty()) {
                    fail(line, column, "must not be empty: the product has the option '" + optionNames[k] + "'");
                } else {
                    chosen.put(optionNames[k], value);
                    optionValues.get(k).putIfAbsent(value, line);
                }
            }
            String image = columns.get(record, VARIANT_IMAGE).trim();
            variants.add(new VariantInput(null, columns.get(record, VARIANT_SKU).trim(), chosen,
                    price.ok() ? price.value() : 0L, stock.ok() ? stock.value() : 0, true, image.isEmpty() ? null : image));
            variantLines.add(line);
        }

        /** {@code Status} draft or archived, or {@code Published} false: an inactive product. */
        private void status(CSVRecord record, long line, Columns columns) {
            switch (columns.get(record, STATUS).trim().toLowerCase(Locale.ROOT)) {
                case "", "active" -> { }
                case "draft", "archived" -> active = false;
                default -> fail(line, STATUS, "must be active, draft, archived or empty");
            }
            switch (columns.get(record, PUBLISHED).trim().toLowerCase(Locale.ROOT)) {
                case "", "true" -> { }
                case "false" -> active = false;
                default -> fail(line, PUBLISHED, "must be true, false or empty");
            }
        }

    }
}
