package com.acme.shop.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plain text of an HTML fragment (a Shopify {@code Body (HTML)}), for a product's description: tags dropped
 * (block-level ones end a line), the contents of {@code script} and {@code style} dropped, comments dropped, character
 * references decoded, runs of spaces collapsed and blank lines removed. Not a sanitiser and not a parser of whole
 * documents: the result is shown as text, never as HTML, so a fragment that is not well-formed only costs its looks.
 * A small scanner instead of a library: a product body is a few tags and entities, and one pass over it is enough.
 */
final class HtmlText {

    /** Tags after which the text goes on on a new line. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "br", "dd", "div",
            "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

    /** Elements whose content is not text. */
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "noscript");

    /** The named references product bodies use; an unknown name is left as it is. */
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("laquo", "\u00AB"),
            Map.entry("raquo", "\u00BB"), Map.entry("bull", "\u2022"), Map.entry("middot", "\u00B7"),
            Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"), Map.entry("trade", "\u2122"),
            Map.entry("deg", "\u00B0"), Map.entry("times", "\u00D7"), Map.entry("divide", "\u00F7"),
            Map.entry("plusmn", "\u00B1"), Map.entry("frac12", "\u00BD"), Map.entry("frac14", "\u00BC"),
            Map.entry("frac34", "\u00BE"), Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"),
            Map.entry("yen", "\u00A5"), Map.entry("cent", "\u00A2"), Map.entry("sect", "\u00A7"),
            Map.entry("para", "\u00B6"), Map.entry("micro", "\u00B5"), Map.entry("shy", ""),
            Map.entry("sup1", "\u00B9"), Map.entry("sup2", "\u00B2"), Map.entry("sup3", "\u00B3"),
            Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"), Map.entry("ecirc", "\u00EA"),
            Map.entry("euml", "\u00EB"), Map.entry("aacute", "\u00E1"), Map.entry("agrave", "\u00E0"),
            Map.entry("acirc", "\u00E2"), Map.entry("auml", "\u00E4"), Map.entry("aring", "\u00E5"),
            Map.entry("atilde", "\u00E3"), Map.entry("iacute", "\u00ED"), Map.entry("iuml", "\u00EF"),
            Map.entry("oacute", "\u00F3"), Map.entry("ocirc", "\u00F4"), Map.entry("ouml", "\u00F6"),
            Map.entry("oslash", "\u00F8"), Map.entry("otilde", "\u00F5"), Map.entry("uacute", "\u00FA"),
            Map.entry("ugrave", "\u00F9"), Map.entry("uuml", "\u00FC"), Map.entry("ccedil", "\u00E7"),
            Map.entry("ntilde", "\u00F1"), Map.entry("szlig", "\u00DF"), Map.entry("Auml", "\u00C4"),
            Map.entry("Ouml", "\u00D6"), Map.entry("Uuml", "\u00DC"), Map.entry("Eacute", "\u00C9"),
            Map.entry("Ccedil", "\u00C7"), Map.entry("Ntilde", "\u00D1"), Map.entry("Aring", "\u00C5"),
            Map.entry("Oslash", "\u00D8"), Map.entry("AElig", "\u00C6"), Map.entry("aelig", "\u00E6"));

    private HtmlText() {
    }

    /** The text of {@code html}; null or blank gives null. */
    static String of(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        StringBuilder raw = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (c == '<' && i + 1 < n && startsTag(html.charAt(i + 1))) {
                int end = tagEnd(html, i + 1);
                String name = tagName(html, i + 1, end);
                boolean closing = html.charAt(i + 1) == '/';
                i = end < n ? end + 1 : n;
                if (BLOCKS.contains(name)) {
                    raw.append('\n');
                } else if (!closing && SKIPPED.contains(name)) {
                    int close = indexOfIgnoreCase(html, "</" + name, i);
                    i = close < 0 ? n : Math.min(n, tagEnd(html, close + 1) + 1);
                }
            } else if (c == '&') {
                i = reference(html, i, raw);
            } else {
                // a line break in the source is a space in HTML; only block tags (and <br>) end a line
                raw.append(c == '\n' || c == '\r' ? ' ' : c);
                i++;
            }
        }
        return collapse(raw);
    }

    /** After {@code <}: a letter starts a tag, {@code /} a closing tag, {@code !} or {@code ?} a declaration. */
    private static boolean startsTag(char c) {
        return c == '/' || c == '!' || c == '?' || (c < 0x80 && Character.isLetter(c));
    }

    /** The index of the {@code >} that ends the tag starting at {@code from}, past quoted attribute values; or n. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return html.length();
    }

    private static String tagName(String html, int from, int end) {
        int i = html.charAt(from) == '/' ? from + 1 : from;
        int start = i;
        while (i < end && i < html.length() && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String html, String what, int from) {
        for (int i = from; i + what.length() <= html.length(); i++) {
            if (html.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Decodes the reference at {@code at} ({@code &name;}, {@code &#123;}, {@code &#x1F600;}) into {@code out}, or
     * keeps the {@code &} as text when it is none; answers where scanning goes on.
     */
    private static int reference(String html, int at, StringBuilder out) {
        int semi = html.indexOf(';', at + 1);
        if (semi > at + 1 && semi - at <= 12) {
            String name = html.substring(at + 1, semi);
            if (name.charAt(0) == '#') {
                int codePoint = codePoint(name);
                if (codePoint >= 0) {
                    out.appendCodePoint(codePoint == 0 || (codePoint >= 0xD800 && codePoint <= 0xDFFF) ? 0xFFFD : codePoint);
                    return semi + 1;
                }
            } else {
                String decoded = ENTITIES.get(name);
                if (decoded != null) {
                    out.append(decoded);
                    return semi + 1;
                }
            }
        }
        out.append('&');
        return at + 1;
    }

    /** The code point of {@code #123} or {@code #x7B}; -1 when it is not one. */
    private static int codePoint(String reference) {
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        String digits = reference.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        try {
            int value = Integer.parseInt(digits, hex ? 16 : 10);
            return value <= Character.MAX_CODE_POINT ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Spaces and tabs collapsed to one space, every line trimmed, blank lines dropped. */
    private static String collapse(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        StringBuilder line = new StringBuilder();
        boolean space = false;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (!line.isEmpty()) {
                    if (!out.isEmpty()) {
                        out.append('\n');
                    }
                    out.append(line);
                    line.setLength(0);
                }
                space = false;
            } else if (Character.isWhitespace(c) || c == '\u00A0' || Character.isISOControl(c)) {
                space = !line.isEmpty();
            } else {
                if (space) {
                    line.append(' ');
                    space = false;
                }
                line.append(c);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
