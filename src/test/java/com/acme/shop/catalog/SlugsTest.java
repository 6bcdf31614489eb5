package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void asciiNamesTakeAShortcutToTheSameSlugs() {
        List<String> names = new ArrayList<>(List.of("", "&", "&&", "a&b", " & x & ", "--Hello, World!--", "A-2",
                "Bench product 12 color 3", "x".repeat(111) + " y", "x".repeat(112) + " y", "x".repeat(113) + "&",
                "a " + "b".repeat(110) + "&c", "!!!", "ZZ top 99", "\t\n tab\u0001bell"));
        Random random = new Random(42);
        String alphabet = "aZ09 -_&.,!/\\'\"\t";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(i % 50 == 0 ? 300 : 20); n > 0; n--) {
                name.append(random.nextInt(4) == 0 ? (char) random.nextInt(128) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(name.toString());
        }
        for (String name : names) {
            assertEquals(Slugs.deriveByFolding(name), Slugs.deriveFromAscii(name), () -> "for \"" + name + "\"");
        }
    }
}
