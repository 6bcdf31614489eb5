package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.catalog.CsvFields.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV import's field rules on their own: no Quarkus, no database. */
class CsvFieldsTest {

    @ParameterizedTest(name = "\"{0}\" is {1} cents")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "12.34|1234", "12.3|1230", "12|1200", "0|0", "0.05|5", "0.29|29", "  19.99 |1999",
        "10000000.00|1000000000", "100000000|10000000000"})
    void priceIsInMajorUnitsAndBecomesExactCents(String price, long cents) {
        assertEquals(Parsed.valid(cents), CsvFields.priceCents(price));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "1.000", "0.001"})
    void priceWithThreeDecimalsIsRefused(String price) {
        assertEquals(Parsed.invalid("must have at most two decimals"), CsvFields.priceCents(price));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyPriceIsRefused(String price) {
        assertEquals(Parsed.invalid("must not be empty"), CsvFields.priceCents(price));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.50"})
    void negativePriceIsRefused(String price) {
        assertEquals(Parsed.invalid("must be 0 or more"), CsvFields.priceCents(price));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,34", "$12", "1e3", "12.", ".5", "twelve", "+12", "12 34"})
    void priceThatIsNotAPlainDecimalIsRefused(String price) {
        assertEquals(Parsed.invalid("must be a decimal number in major units, like 12.34"), CsvFields.priceCents(price));
    }

    @Test
    void priceAboveTheMaximumIsTooLargeButKeepsItsCents() {
        assertEquals(new Parsed<>(100_000_000_01L, "is too large"), CsvFields.priceCents("100000000.01"));
        assertEquals(new Parsed<>(999_999_999_999_99L, "is too large"), CsvFields.priceCents("999999999999.99"));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "0|0", " 42 |42", "1000000000|1000000000"})
    void stockIsAWholeNumberFromZeroToTheMaximum(String stock, int value) {
        assertEquals(Parsed.valid(value), CsvFields.stock(stock));
    }

    @Test
    void negativeStockIsRefused() {
        assertEquals(Parsed.invalid("must be 0 or more"), CsvFields.stock("-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000001", "99999999999"})
    void stockAboveTheMaximumIsTooLarge(String stock) {
        assertEquals(Parsed.invalid("is too large"), CsvFields.stock(stock));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "ten", "1e3", "999999999999"})
    void stockThatIsNotAWholeNumberIsRefused(String stock) {
        assertEquals(Parsed.invalid("must be a whole number"), CsvFields.stock(stock));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "true|true", " TRUE |true", "''|true", "false|false", "False|false"})
    void activeIsTrueFalseOrEmptyForTrue(String active, boolean value) {
        assertEquals(Parsed.valid(value), CsvFields.active(active));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "t"})
    void anyOtherActiveIsRefused(String active) {
        assertEquals(Parsed.invalid("must be true, false or empty"), CsvFields.active(active));
    }

    @Test
    void theHeaderMustNameEveryColumnOnceInAnyOrderAndCase() {
        assertTrue(CsvFields.headerIsValid(CsvFields.COLUMNS));
        assertTrue(CsvFields.headerIsValid(
                List.of("image_url", "active", "stock", "price", "description", "slug", "name", "sku")));
        assertTrue(CsvFields.headerIsValid(
                List.of(" SKU", "Name ", "slug", "description", "PRICE", "stock", "active", "Image_Url")));
    }

    @Test
    void aHeaderWithAMissingExtraRenamedOrRepeatedColumnIsRefused() {
        assertFalse(CsvFields.headerIsValid(List.of("sku", "name", "slug", "description", "price", "stock", "active")));
        assertFalse(CsvFields.headerIsValid(
                List.of("sku", "name", "slug", "description", "price", "stock", "active", "image_url", "colour")));
        assertFalse(CsvFields.headerIsValid(
                List.of("sku", "sku", "slug", "description", "price", "stock", "active", "image_url")));
        assertFalse(CsvFields.headerIsValid(
                List.of("sku", "name", "slug", "description", "price_cents", "stock", "active", "image_url")));
        assertFalse(CsvFields.headerIsValid(List.of()));
    }

    @ParameterizedTest(name = "{0} is reported as {1}")
    @CsvSource({"priceCents, price", "imageUrl, image_url", "sku, sku", "name, name"})
    void productPropertiesAreReportedUnderTheirCsvColumn(String property, String column) {
        assertEquals(column, CsvFields.column(property));
    }

    @Test
    void blankOptionalFieldsAreAbsent() {
        assertNull(CsvFields.blankToNull(null));
        assertNull(CsvFields.blankToNull(""));
        assertNull(CsvFields.blankToNull("  \t"));
        assertEquals(" kept as is ", CsvFields.blankToNull(" kept as is "));
    }

    @Test
    void aNulCharacterIsFoundAnywhereInAField() {
        assertTrue(CsvFields.hasNul("a" + (char) 0 + "b"));
        assertTrue(CsvFields.hasNul(String.valueOf((char) 0)));
        assertFalse(CsvFields.hasNul("plain text, \\0 and all"));
        assertFalse(CsvFields.hasNul(null));
    }
}
