package io.shiporskip.api.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pages' HTML the way a test needs it: headings, meta tags, links, form controls. Regular expressions
 * are enough because the markup is our own templates' (attributes always double-quoted); text is unescaped.
 */
final class Html {

    private static final Pattern HEADING = Pattern.compile("<(h[1-6])\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern CONTROL = Pattern.compile("<(input|textarea|select)\\b([^>]*)>");

    private final String body;

    private Html(String body) {
        this.body = body;
    }

    static Html parse(String body) {
        return new Html(body);
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    String title() {
        return first("<title>(.*?)</title>");
    }

    /** content of {@code <meta property="…">} (Open Graph). */
    String meta(String property) {
        return first("<meta property=\"" + Pattern.quote(property) + "\" content=\"([^\"]*)\">");
    }

    /** content of {@code <meta name="…">}. */
    String metaName(String name) {
        return first("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">");
    }

    String canonical() {
        return first("<link rel=\"canonical\" href=\"([^\"]*)\">");
    }

    /** Text of the first {@code <tag class="cls">}. */
    String text(String tag, String cls) {
        return first("<" + tag + " class=\"" + Pattern.quote(cls) + "\">(.*?)</" + tag + ">");
    }

    /** Text of every heading of this level, in document order. */
    List<String> texts(String heading) {
        List<String> texts = new ArrayList<>();
        Matcher m = HEADING.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(heading)) {
                texts.add(plain(m.group(2)));
            }
        }
        return texts;
    }

    List<String> hrefs() {
        return all("\\shref=\"([^\"]*)\"");
    }

    /** src of every image and frame. */
    List<String> srcs() {
        return all("<(?:img|iframe)\\b[^>]*\\ssrc=\"([^\"]*)\"");
    }

    /**
     * Landmarks (one banner header, one main, one footer, in that order), exactly one h1, no heading level
     * skipped, every form control labelled, a language and a viewport.
     */
    void assertAccessibleStructure() {
        assertTrue(body.startsWith("<!DOCTYPE html>"), "doctype");
        assertTrue(body.contains("<html lang=\"en\">"), "language");
        assertTrue(body.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "viewport");
        int header = body.indexOf("<header class=\"site-header\">");
        int main = body.indexOf("<main ");
        int footer = body.indexOf("<footer ");
        assertTrue(header >= 0 && header < main && main < footer, "header, main, footer landmarks in order");
        assertEquals(1, count("<main "), "one main");
        assertEquals(1, count("<footer "), "one footer");
        assertTrue(body.indexOf("class=\"skip-link\" href=\"#content\"") < header, "skip link first");
        assertTrue(body.contains("<main id=\"content\""), "skip link target");

        List<Integer> levels = new ArrayList<>();
        Matcher m = HEADING.matcher(body);
        while (m.find()) {
            levels.add(m.group(1).charAt(1) - '0');
        }
        assertEquals(1, levels.stream().filter(l -> l == 1).count(), "exactly one h1: " + levels);
        assertEquals(1, levels.get(0), "the h1 comes first: " + levels);
        for (int i = 1; i < levels.size(); i++) {
            assertTrue(levels.get(i) <= levels.get(i - 1) + 1, "heading levels in order: " + levels);
        }

        List<String> labelled = all("<label for=\"([^\"]*)\"");
        Matcher c = CONTROL.matcher(body);
        while (c.find()) {
            String attributes = c.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = Pattern.compile("\\sid=\"([^\"]*)\"").matcher(attributes);
            assertTrue(id.find(), "a control without id cannot be labelled: " + c.group());
            assertTrue(labelled.contains(id.group(1)), "no label for " + id.group(1));
        }
        for (String alt : all("<img\\b([^>]*)>")) {
            assertTrue(alt.contains(" alt=\""), "image without alt: " + alt);
        }
        for (String frame : all("<iframe\\b([^>]*)>")) {
            assertTrue(frame.contains(" title=\""), "frame without title: " + frame);
        }
    }

    private int count(String text) {
        int n = 0;
        for (int i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private String first(String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(body);
        return m.find() ? plain(m.group(1)) : null;
    }

    private List<String> all(String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(body);
        while (m.find()) {
            found.add(unescape(m.group(1)));
        }
        return found;
    }

    private static String plain(String html) {
        return unescape(TAG.matcher(html).replaceAll("")).trim();
    }
}
