package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void namesAreFoldedToAsciiLowerCaseHyphenated() {
        assertEquals("creme-brulee", Slugs.derive("Crème Brûlée"));
        assertEquals("strasse-and-co", Slugs.derive("  Straße & Co.  "));
        assertEquals("a-b-c", Slugs.derive("a---b___c"));
        assertEquals("smorrebrod", Slugs.derive("Smørrebrød"));
        assertEquals("product", Slugs.derive("日本語"));
        assertEquals(112, Slugs.derive("x".repeat(500)).length());
    }
}
