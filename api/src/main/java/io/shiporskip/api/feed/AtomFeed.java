package io.shiporskip.api.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Atom 1.0 (RFC 4287). The StAX writer does the escaping; characters XML 1.0 cannot carry are dropped first. */
public final class AtomFeed {

    public static final String MEDIA_TYPE = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    public static String render(String selfUrl, String siteUrl, Instant updated, List<FeedEntry> entries) {
        StringWriter out = new StringWriter(8192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            element(xml, "id", selfUrl);
            element(xml, "title", FeedResource.TITLE);
            element(xml, "subtitle", FeedResource.DESCRIPTION);
            element(xml, "updated", time(updated));
            link(xml, "self", MEDIA_TYPE, selfUrl);
            link(xml, "alternate", "text/html", siteUrl);
            // Atom requires an author on the feed when entries have none.
            xml.writeStartElement("author");
            element(xml, "name", "Ship or Skip");
            xml.writeEndElement();
            for (FeedEntry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", entry.id());
                element(xml, "title", entry.title());
                link(xml, "alternate", "text/html", entry.url());
                element(xml, "published", time(entry.published()));
                element(xml, "updated", time(entry.updated()));
                element(xml, "summary", entry.summary());
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", clean(entry.category()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href));
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Keeps only what XML 1.0 allows (Char production): a stray control character would make the feed unparseable. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
