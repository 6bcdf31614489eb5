package com.acme.shop.catalog;

import static com.acme.shop.catalog.CsvFields.COLUMNS;
import static com.acme.shop.catalog.CsvFields.blankToNull;

import com.acme.shop.catalog.dto.ImportResult;
import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import com.acme.shop.platform.FieldError;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV body (RFC 4180, UTF-8) record by record into a temporary table (COPY), checking each record's
 * own fields on the way; then the checks between lines (repeated skus, slugs that belong to another product),
 * slug derivation and the upsert run as a few set-based statements, all in one transaction. Memory stays the
 * same whatever the size of the file or the number of skus: one record, one COPY buffer, the error report.
 * Every bad line is reported (up to 1,000); any problem rolls the whole import back. {@code dryRun} checks the
 * same and writes nothing. A Shopify product export (recognised by its header) is read by {@link ShopifyCsv}
 * instead, in the same transaction and with the same report.
 */
@ApplicationScoped
public class CsvImport {

    private final ProductRows rows;
    private final Validator validator;
    private final Audit audit;
    private final ShopifyCsv shopify;

    CsvImport(ProductRows rows, Validator validator, Audit audit, ShopifyCsv shopify) {
        this.rows = rows;
        this.validator = validator;
        this.audit = audit;
        this.shopify = shopify;
    }

    /** Takes one record and the physical line it starts at. */
    @FunctionalInterface
    interface RecordSink {
        void accept(CSVRecord record, long line);
    }

    /**
     * Hands every record to {@code sink} with the line it starts at (a record may span lines: quoted newlines), until
     * the end or until {@code problems} is full; a record that cannot be read is reported at its line and ends the
     * reading.
     */
    static void eachRecord(CSVParser parser, BulkValidation problems, RecordSink sink) {
        Iterator<CSVRecord> records = parser.iterator();
        while (!problems.full()) {
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
            sink.accept(record, line);
        }
    }

    @ChangesCatalog
    public ImportResult run(InputStream body, boolean dryRun) {
        try {
            return QuarkusTransaction.requiringNew().timeout(BulkProducts.LONG_WRITE_TIMEOUT_SECONDS).call(() -> new Run(dryRun).execute(body));
        } catch (RuntimeException e) {
            if (UniqueViolations.violates(e, "product_sku_unique") || UniqueViolations.violates(e, "product_slug_unique")
                    || UniqueViolations.violates(e, "product_variant_sku_unique")) {
                throw ApiException.conflict("conflict", "The catalog changed during the import; nothing was written, retry");
            }
            throw e;
        }
    }

    /** The state of one import as it streams. */
    private final class Run {

        private final boolean dryRun;
        private final BulkValidation problems = new BulkValidation();

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        ImportResult execute(InputStream body) {
            boolean staged = false;
            try (Reader reader = utf8(body);
                    CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                            .setAllowMissingColumnNames(true).get().parse(reader)) {
                // The one place that tells the formats apart: Shopify's export is the only one with a Handle column.
                if (ShopifyCsv.recognises(parser.getHeaderNames())) {
                    return shopify.run(parser, dryRun);
                }
                if (!CsvFields.headerIsValid(parser.getHeaderNames())) {
                    throw BulkValidation.failed(List.of(FieldError.atLine(1, "header",
                            "must be exactly the columns " + String.join(",", COLUMNS))));
                }
                try (ProductRows.Staging staging = rows.stage()) {
                    stage(parser, staging);
                    staging.finish();
                    staged = true;
                }
            } catch (CharacterCodingException e) {
                // The reader decodes ahead of the parser: a bad byte anywhere in the first block of the body fails
                // the header's read, wherever it is.
                problems.atLine(1, "header", "could not be read as UTF-8 CSV");
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CharacterCodingException)) {
                    throw e;
                }
                problems.atLine(1, "header", "could not be read as UTF-8 CSV");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (staged && !problems.full()) {
                rows.stagedProblems(problems.room()).forEach(p -> problems.atLine(p.line(), p.field(), p.message()));
            }
            problems.throwIfAny();
            if (dryRun) {
                ProductRows.Counts counts = rows.countStaged();
                return new ImportResult(counts.created(), counts.updated(), true);
            }
            rows.deriveStagedSlugs().forEach(line -> problems.atLine(line, "slug",
                    "could not be derived from the name without a clash; give the product a slug"));
            problems.throwIfAny();
            ProductRows.Counts counts = rows.upsertStaged();
            rows.syncStagedVariants();
            audit.record("products.imported", "product", null, null,
                    Map.of("created", counts.created(), "updated", counts.updated()));
            return new ImportResult(counts.created(), counts.updated(), false);
        }

        private void stage(CSVParser parser, ProductRows.Staging staging) {
            eachRecord(parser, problems, (record, line) -> accept(record, line, staging));
        }

        private void accept(CSVRecord record, long line, ProductRows.Staging staging) {
            if (!record.isConsistent() || record.size() != COLUMNS.size()) {
                problems.atLine(line, "record", "has " + record.size() + " fields; expected " + COLUMNS.size());
                return;
            }
            boolean ok = true;
            for (String column : COLUMNS) {
                if (CsvFields.hasNul(record.get(column))) {
                    ok = fail(line, column, "must not contain the NUL character");
                }
            }
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
            if (ok) {
                staging.valid(line, ProductRows.Row.of(null, product, product.slug()),
                        product.slug() == null ? Slugs.derive(product.name()) : null);
            } else {
                staging.invalid(line, CsvFields.hasNul(product.sku()) ? "" : product.sku());
            }
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
