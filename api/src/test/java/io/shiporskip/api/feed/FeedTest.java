package io.shiporskip.api.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shiporskip.api.CatalogDatabase;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class FeedTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final List<String> NEWEST_FIRST = List.of(
            "https://shiporskip.example/tool/hugging-face-smolvlm-2-5-tiny-vision-language-model",
            "https://shiporskip.example/tool/gemini-2-5-flash-native-audio-output",
            "https://shiporskip.example/tool/smolvlm-3b",
            "https://shiporskip.example/tool/smolvlm2-2b",
            "https://shiporskip.example/tool/smolvlm2",
            "https://shiporskip.example/tool/gemini-2-5-flash-lite");

    @Test
    void atomFeedIsWellFormedAtomWithTheNewestVerdictFirst() throws Exception {
        Response response = given().when().get("/api/verdicts/feed.atom");
        response.then().statusCode(200)
                .header("Content-Type", "application/atom+xml")
                .header("Cache-Control", "public, max-age=300")
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .header("Last-Modified", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));

        Document xml = parse(response.asByteArray());
        Element feed = xml.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("https://api.shiporskip.example/api/verdicts/feed.atom", child(feed, "id").getTextContent());
        assertEquals("Ship or Skip: new verdicts", child(feed, "title").getTextContent());
        assertNotNull(java.time.Instant.parse(child(feed, "updated").getTextContent()));
        Element self = child(feed, "link");
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("https://api.shiporskip.example/api/verdicts/feed.atom", self.getAttribute("href"));
        assertEquals("Ship or Skip", child(child(feed, "author"), "name").getTextContent());

        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            ids.add(child(entry, "id").getTextContent());
            assertNotNull(java.time.Instant.parse(child(entry, "updated").getTextContent()));
            assertEquals(child(entry, "id").getTextContent(), child(entry, "link").getAttribute("href"));
        }
        assertEquals(NEWEST_FIRST, ids);
        Element newest = (Element) entries.item(0);
        assertEquals("SmolVLM 2.5: SHIP, 4 ship / 0 skip", child(newest, "title").getTextContent());
        assertEquals("2B-param vision-language model that punches way above its weight", child(newest, "summary").getTextContent());
        assertEquals("2026-11-07T09:00:00Z", child(newest, "published").getTextContent());
        assertEquals("alternate", child(newest, "link").getAttribute("rel"));
        // The apostrophe arrives intact through XML escaping.
        assertEquals("Google's smallest, fastest Gemini for high-throughput, low-cost inference",
                child((Element) entries.item(5), "summary").getTextContent());
    }

    @Test
    void jsonFeedFollowsJsonFeed11() {
        given().when().get("/api/verdicts/feed.json").then().statusCode(200)
                .header("Content-Type", "application/feed+json")
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("title", equalTo("Ship or Skip: new verdicts"))
                .body("home_page_url", equalTo("https://shiporskip.example"))
                .body("feed_url", equalTo("https://api.shiporskip.example/api/verdicts/feed.json"))
                .body("authors[0].name", equalTo("Ship or Skip"))
                .body("items", hasSize(6))
                .body("items.id", contains(NEWEST_FIRST.toArray()))
                .body("items[0].url", equalTo(NEWEST_FIRST.get(0)))
                .body("items[0].title", equalTo("SmolVLM 2.5: SHIP, 4 ship / 0 skip"))
                .body("items[0].summary", equalTo("2B-param vision-language model that punches way above its weight"))
                .body("items[0].content_text", equalTo("SmolVLM 2.5: SHIP, 4 ship / 0 skip. "
                        + "2B-param vision-language model that punches way above its weight"))
                .body("items[0].date_published", equalTo("2026-11-07T09:00:00Z"))
                .body("items[0].date_modified", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"))
                .body("items[0].tags", contains("Developer Tools"))
                .body("items[3].title", equalTo("SmolVLM2-2B: SHIP, 3 ship / 1 skip"));
    }

    @Test
    void etagAndLastModifiedAnswer304() {
        for (String path : new String[] {"/api/verdicts/feed.atom", "/api/verdicts/feed.json"}) {
            Response first = given().when().get(path);
            first.then().statusCode(200);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");

            given().header("If-None-Match", etag).when().get(path).then().statusCode(304)
                    .header("ETag", etag)
                    .header("Last-Modified", lastModified)
                    .body(emptyOrNullString());
            given().header("If-Modified-Since", lastModified).when().get(path).then().statusCode(304)
                    .header("ETag", etag)
                    .body(emptyOrNullString());
            given().header("If-None-Match", "\"0123456789abcdef0123456789abcdef\"").when().get(path)
                    .then().statusCode(200).header("ETag", etag);
            given().header("If-Modified-Since", "Mon, 02 Nov 2026 00:00:00 GMT").when().get(path)
                    .then().statusCode(200).header("ETag", etag);
            // Unchanged data gives the same validator on the next request.
            given().when().get(path).then().statusCode(200).header("ETag", etag);
        }
    }

    static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static Element child(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < found.getLength(); i++) {
            if (found.item(i).getParentNode() == parent) {
                return (Element) found.item(i);
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }
}
