package com.acme.shop.catalog;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects rule violations of a bulk call or a CSV import, each with its item index or line, up to the
 * contract's 1,000 entries; then fails the whole call with 422 {@code bulk_validation_failed}.
 */
final class BulkValidation {

    static final int MAX_ERRORS = 1000;

    private final List<FieldError> errors = new ArrayList<>();

    void atIndex(int index, String field, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(FieldError.atIndex(index, field, message));
        }
    }

    void atLine(long line, String field, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(FieldError.atLine(line, field, message));
        }
    }

    /** Bean Validation of one item, reported at its index (or line when {@code line} is not null). */
    <T> void validate(Validator validator, T item, int index, Long line) {
        List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(item));
        violations.sort(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage));
        for (ConstraintViolation<T> violation : violations) {
            String field = field(violation.getPropertyPath());
            if (line != null) {
                atLine(line, field, violation.getMessage());
            } else {
                atIndex(index, field, violation.getMessage());
            }
        }
    }

    boolean full() {
        return errors.size() >= MAX_ERRORS;
    }

    /** How many more problems the report can take. */
    int room() {
        return MAX_ERRORS - errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw failed(errors);
        }
    }

    /** The report, in item (or line) order: checks that run at different times find problems out of order. */
    static ApiException failed(List<FieldError> errors) {
        errors = new ArrayList<>(errors);
        errors.sort(Comparator.comparingLong(BulkValidation::position));
        return new ApiException(422, "bulk_validation_failed", "Bulk validation failed",
                "Nothing was written: " + errors.size() + " problem(s) found" + (errors.size() >= MAX_ERRORS
                        ? " (only the first " + MAX_ERRORS + " are listed)" : ""), errors);
    }

    private static long position(FieldError error) {
        return error.line() != null ? error.line() : error.index() != null ? error.index() : -1;
    }

    private static String field(Path path) {
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last == null ? "item" : last;
    }
}
