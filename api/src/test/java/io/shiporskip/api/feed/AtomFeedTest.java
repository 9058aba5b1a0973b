package io.shiporskip.api.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Hostile catalog text must neither break the XML nor become markup. */
class AtomFeedTest {

    @Test
    void markupAndControlCharactersStayText() throws Exception {
        String nasty = "<script>alert(\"x\")</script> & ]]> 'q'\u0001\uFFFF end";
        FeedEntry entry = new FeedEntry("https://s.example/tool/a?x=1&y=<2>", "https://s.example/tool/a?x=1&y=<2>",
                nasty, nasty, "Cat & <Dog>", Instant.parse("2026-11-07T09:00:00Z"), Instant.parse("2026-11-08T10:00:00Z"));
        String xml = AtomFeed.render("https://api.example/api/verdicts/feed.atom", "https://s.example",
                Instant.parse("2026-11-08T10:00:00Z"), List.of(entry));

        Element feed = FeedTest.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        Element parsed = FeedTest.child(feed, "entry");
        String expected = "<script>alert(\"x\")</script> & ]]> 'q' end";
        assertEquals(expected, FeedTest.child(parsed, "title").getTextContent());
        assertEquals(expected, FeedTest.child(parsed, "summary").getTextContent());
        assertEquals("https://s.example/tool/a?x=1&y=<2>", FeedTest.child(parsed, "link").getAttribute("href"));
        assertEquals("Cat & <Dog>", FeedTest.child(parsed, "category").getAttribute("term"));
        assertEquals(0, feed.getElementsByTagName("script").getLength());
        assertEquals("2026-11-08T10:00:00Z", FeedTest.child(feed, "updated").getTextContent());
    }
}
