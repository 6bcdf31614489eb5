package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void tagsGoBlocksEndLinesAndSpacesCollapse() {
        assertEquals("Soft & light.\nOne\nTwo", HtmlText.of("<p>Soft &amp; <b>light</b>.</p>\n<ul>\n <li>One</li><li>Two</li></ul>"));
        assertEquals("a\nb", HtmlText.of("a<br/>\n\n<br>   b"));
        assertEquals("line one line two", HtmlText.of("line one\n   line two"));
        assertEquals("x\ny", HtmlText.of("x<br>y"));
    }

    @Test
    void referencesAreDecodedOnceAndUnknownOnesKept() {
        assertEquals("<b> is a tag", HtmlText.of("&lt;b&gt; is a tag"));
        assertEquals("30\u00B0C \u2764 \u2014 caf\u00E9", HtmlText.of("30&#176;C &#x2764; &mdash; caf&eacute;"));
        assertEquals("&unknown; & AT&T &#xZZ;", HtmlText.of("&unknown; & AT&T &#xZZ;"));
        assertEquals("\uFFFD", HtmlText.of("&#0;"));
    }

    @Test
    void scriptsStylesAndCommentsAreNotText() {
        assertEquals("Before after", HtmlText.of("Before <script type=\"x\">alert('<p>')</script>after<!-- <p>hidden</p> -->"));
        assertEquals("Shown", HtmlText.of("<style>p { color: red }</style>Shown"));
        assertEquals("a > b", HtmlText.of("<span title=\"a > b\">a &gt; b</span>"));
    }

    @Test
    void aLoneLessThanIsText() {
        assertEquals("1 < 2 and 3 <4", HtmlText.of("1 < 2 and 3 <4"));
    }

    @Test
    void nothingButMarkupIsNoDescription() {
        assertNull(HtmlText.of("<p> &nbsp; </p>"));
        assertNull(HtmlText.of(""));
        assertNull(HtmlText.of(null));
    }
}
