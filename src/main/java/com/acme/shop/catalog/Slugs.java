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
        String slug = words(name);
        return slug.isEmpty() ? "product" : slug;
    }

    /** {@link #derive}, but empty for a name with nothing foldable to ASCII. */
    static String words(String name) {
        String source = name == null ? "" : name;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) >= 0x80) {
                return deriveByFolding(source);
            }
        }
        return deriveFromAscii(source);
    }

    /**
     * {@link #words} of a name in ASCII, which has nothing to fold: one pass instead of a normalization and
     * three regular expressions (a bulk create of 10,000 products derives 10,000 slugs).
     */
    static String deriveFromAscii(String name) {
        StringBuilder slug = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        boolean gap = false; // other characters since the last letter or digit: a hyphen before the next one
        for (int i = 0; i < name.length() && slug.length() <= MAX_BASE_LENGTH; i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c - 'A' + 'a');
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else if (c == '&') {
                if (!slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append("and");
                gap = true;
            } else {
                gap = true;
            }
        }
        return slug.length() > MAX_BASE_LENGTH ? trimHyphens(slug.substring(0, MAX_BASE_LENGTH)) : slug.toString();
    }

    static String deriveByFolding(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("œ", "oe").replace("Œ", "oe").replace("đ", "d").replace("Đ", "d").replace("ł", "l")
                .replace("Ł", "l").replace("&", " and ");
        String slug = NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_BASE_LENGTH) {
            slug = trimHyphens(slug.substring(0, MAX_BASE_LENGTH));
        }
        return slug;
    }

    /** A derived slug is tried this often before giving up (each retry means another writer took the last one). */
    private static final int ATTEMPTS = 20;

    /** One row inserted under {@code slug} with {@code ON CONFLICT DO NOTHING}: true when it went in. */
    interface Insert {
        boolean under(String slug);
    }

    /**
     * Inserts a row (a product, a category) under the first free slug and answers the slug it got: an explicit
     * slug as it is ({@code taken} when it is not free), else one derived from {@code name}, moving on to the next
     * free {@code -N} when another writer took it. The unique keys decide, so two writers racing for one derived
     * slug both succeed with different ones. {@code onRefused} runs after each refused insert: a clash on another
     * unique key (a sku) throws its own answer there.
     */
    static String insertUnderFreeSlug(String explicit, String name, Insert insert,
            java.util.function.ToIntFunction<String> nextFreeSuffix, Runnable onRefused,
            java.util.function.Supplier<com.acme.shop.platform.ApiException> taken) {
        String base = explicit != null ? explicit : derive(name);
        String slug = base;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (insert.under(slug)) {
                return slug;
            }
            onRefused.run();
            if (explicit != null) {
                throw taken.get();
            }
            slug = candidate(base, nextFreeSuffix.applyAsInt(base));
        }
        throw com.acme.shop.platform.ApiException.conflict("conflict", "Could not find a free slug; retry");
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
