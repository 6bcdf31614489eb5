package com.acme.shop.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs: lower case, ASCII only, words joined by single hyphens. Accents are folded ("Crème brûlée" ->
 * "creme-brulee"); a name with nothing foldable to ASCII gets the slug "product".
 */
public final class Slugs {

    public static final String FORMAT = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;
    /** Room left for a "-N" suffix when a derived slug clashes. */
    private static final int MAX_BASE_LENGTH = MAX_LENGTH - 8;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String derive(String name) {
        String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("œ", "oe").replace("Œ", "oe").replace("đ", "d").replace("Đ", "d").replace("ł", "l")
                .replace("Ł", "l").replace("&", " and ");
        String slug = NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_BASE_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_BASE_LENGTH));
        }
        return slug.isEmpty() ? "product" : slug;
    }

    /** The n-th candidate for a derived slug: base, base-2, base-3... */
    public static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
