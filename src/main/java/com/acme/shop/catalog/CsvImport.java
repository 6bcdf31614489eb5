package com.acme.shop.catalog;

import static com.acme.shop.catalog.CsvFields.COLUMNS;
import static com.acme.shop.catalog.CsvFields.blankToNull;

import com.acme.shop.catalog.dto.ImportResult;
import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.UniqueViolations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV body (RFC 4180, UTF-8) record by record, upserting by sku in chunks inside one transaction:
 * memory grows with the number of distinct skus and slugs, never with the size of the file. Every bad line is
 * reported (up to 1,000); any problem rolls the whole import back. {@code dryRun} checks the same and writes
 * nothing.
 */
@ApplicationScoped
public class CsvImport {

    private static final int CHUNK = 1000;

    private final ProductRows rows;
    private final Validator validator;
    private final Audit audit;

    CsvImport(ProductRows rows, Validator validator, Audit audit) {
        this.rows = rows;
        this.validator = validator;
        this.audit = audit;
    }

    public ImportResult run(InputStream body, boolean dryRun) {
        try {
            return QuarkusTransaction.requiringNew().timeout(BulkProducts.LONG_WRITE_TIMEOUT_SECONDS).call(() -> new Run(dryRun).execute(body));
        } catch (RuntimeException e) {
            if (UniqueViolations.violates(e, "product_sku_unique") || UniqueViolations.violates(e, "product_slug_unique")) {
                throw ApiException.conflict("conflict", "The catalog changed during the import; nothing was written, retry");
            }
            throw e;
        }
    }

    /** One parsed, individually valid line. */
    private record Line(long number, ProductCreate product) {
    }

    /** The state of one import as it streams. */
    private final class Run {

        private final boolean dryRun;
        private final BulkValidation problems = new BulkValidation();
        /** sku -> the line that first had it. */
        private final Map<String, Long> skuLines = new HashMap<>();
        /** slug -> the sku it is given to by this import. */
        private final Map<String, String> slugOwners = new HashMap<>();
        private final SlugAllocator slugs = new SlugAllocator(new HashSet<>());
        private final List<Line> chunk = new ArrayList<>(CHUNK);
        private long created;
        private long updated;

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        ImportResult execute(InputStream body) {
            try (Reader reader = utf8(body);
                    CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                            .setAllowMissingColumnNames(true).get().parse(reader)) {
                if (!CsvFields.headerIsValid(parser.getHeaderNames())) {
                    throw BulkValidation.failed(List.of(com.acme.shop.platform.FieldError.atLine(1, "header",
                            "must be exactly the columns " + String.join(",", COLUMNS))));
                }
                Iterator<CSVRecord> records = parser.iterator();
                while (!problems.full()) {
                    // A record may span lines (quoted newlines): it is reported at the line where it starts.
                    long line = parser.getCurrentLineNumber() + 1;
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        problems.atLine(line, "record", e.getCause() instanceof CharacterCodingException
                                ? "is not valid UTF-8" : "is not valid CSV (check the quoting)");
                        break;
                    }
                    accept(record, line);
                    if (chunk.size() >= CHUNK) {
                        flush();
                    }
                }
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UncheckedIOException e) {
                problems.atLine(1, "header", "could not be read as UTF-8 CSV");
            }
            problems.throwIfAny();
            if (!dryRun) {
                audit.record("products.imported", "product", null, null, java.util.Map.of("created", created, "updated", updated));
            }
            return new ImportResult(created, updated, dryRun);
        }

        private void accept(CSVRecord record, long line) {
            if (!record.isConsistent() || record.size() != COLUMNS.size()) {
                problems.atLine(line, "record", "has " + record.size() + " fields; expected " + COLUMNS.size());
                return;
            }
            boolean ok = true;
            CsvFields.Parsed<Long> price = CsvFields.priceCents(record.get("price"));
            if (!price.ok()) {
                ok = fail(line, "price", price.problem());
            }
            CsvFields.Parsed<Integer> stockField = CsvFields.stock(record.get("stock"));
            if (!stockField.ok()) {
                ok = fail(line, "stock", stockField.problem());
            }
            CsvFields.Parsed<Boolean> activeField = CsvFields.active(record.get("active"));
            if (!activeField.ok()) {
                ok = fail(line, "active", activeField.problem());
            }
            Long priceCents = price.value();
            Integer stock = stockField.value();
            Boolean active = activeField.value();
            ProductCreate product = new ProductCreate(record.get("sku").trim(), blankToNull(record.get("slug").trim()),
                    record.get("name").trim(), blankToNull(record.get("description")),
                    priceCents == null ? 0L : priceCents, stock == null ? 0 : stock, active,
                    blankToNull(record.get("image_url").trim()));
            for (ConstraintViolation<ProductCreate> violation : validator.validate(product)) {
                ok = fail(line, CsvFields.column(violation.getPropertyPath().toString()), violation.getMessage());
            }
            if (!product.sku().isEmpty()) {
                Long first = skuLines.putIfAbsent(product.sku(), line);
                if (first != null) {
                    ok = fail(line, "sku", "duplicates the sku of line " + first);
                }
            }
            if (ok) {
                chunk.add(new Line(line, product));
            }
        }

        /** Resolves the chunk's slugs against the database and this import so far, then writes it. */
        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, ProductRows.Current> existing = rows.bySku(chunk.stream().map(l -> l.product().sku()).toList());
            Set<String> explicit = new LinkedHashSet<>();
            Set<String> bases = new LinkedHashSet<>();
            for (Line line : chunk) {
                ProductCreate p = line.product();
                if (p.slug() != null) {
                    explicit.add(p.slug());
                } else if (!existing.containsKey(p.sku())) {
                    bases.add(Slugs.derive(p.name()));
                }
            }
            Map<String, ProductRows.Current> slugHolders = rows.bySlug(explicit);
            slugs.addTaken(rows.slugsInUse(bases));
            List<ProductRows.Row> writes = new ArrayList<>(chunk.size());
            for (Line line : chunk) {
                ProductCreate p = line.product();
                ProductRows.Current current = existing.get(p.sku());
                String slug;
                if (p.slug() != null) {
                    slug = p.slug();
                    ProductRows.Current holder = slugHolders.get(slug);
                    String owner = slugOwners.get(slug);
                    if ((holder != null && !holder.sku().equals(p.sku())) || (owner != null && !owner.equals(p.sku()))) {
                        fail(line.number(), "slug", "already belongs to another product");
                        continue;
                    }
                    slugs.reserve(slug);
                } else if (current != null) {
                    slug = current.slug();
                } else {
                    slug = slugs.allocate(Slugs.derive(p.name()));
                }
                slugOwners.put(slug, p.sku());
                writes.add(ProductRows.Row.of(current != null ? current.id() : UUID.randomUUID(), p, slug));
            }
            chunk.clear();
            long inserted;
            if (!dryRun && problems.isEmpty()) {
                // Counted from what the upsert did, which is right even if another writer added a sku meanwhile.
                inserted = rows.upsertAll(writes);
            } else {
                inserted = writes.stream().filter(r -> !existing.containsKey(r.sku())).count();
            }
            created += inserted;
            updated += writes.size() - inserted;
        }

        private boolean fail(long line, String field, String message) {
            problems.atLine(line, field, message);
            return false;
        }
    }

    /** Strict UTF-8 (bad bytes are an error, not replacement characters), with a leading BOM skipped. */
    private static Reader utf8(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body, 65536);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
