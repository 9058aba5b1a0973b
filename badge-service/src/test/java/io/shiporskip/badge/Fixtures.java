package io.shiporskip.badge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.CriticRef;
import io.shiporskip.model.CriticScore;
import io.shiporskip.model.ReviewDecision;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Verdict stubs on the api stand-in, database access and XML parsing for the tests. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static VerdictSnapshot verdict(String slug, String name, VerdictDecision decision, int ships, int skips, String version) {
        Integer percent = ships + skips == 0 ? null : Math.round(100f * ships / (ships + skips));
        List<CriticScore> critics = List.of(
                new CriticScore(new CriticRef("builder", "Builder"), 82, ReviewDecision.SHIP),
                new CriticScore(new CriticRef("skeptic", "Skeptic"), 64, ReviewDecision.SKIP),
                new CriticScore(new CriticRef("futurist", "Futurist"), 88, ReviewDecision.SHIP),
                new CriticScore(new CriticRef("founder", "Founder"), 79, ReviewDecision.SHIP));
        return new VerdictSnapshot(slug, name, "Small vision-language model for on-device use", decision, ships, skips, percent,
                78.25, ships + skips, CommunitySummary.of(12, 3), critics, version);
    }

    public static VerdictSnapshot ship(String slug, String name) {
        return verdict(slug, name, VerdictDecision.SHIP, 3, 1, "1");
    }

    /** api answers this verdict for its slug, with the ETag api sends. */
    public static void stub(VerdictSnapshot v) {
        try {
            BadgeTestResources.wireMock().stubFor(get(urlEqualTo("/api/tools/" + v.slug() + "/verdict"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withHeader("ETag", "\"" + v.version() + "\"")
                            .withBody(JSON.writeValueAsString(v))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** api answers 404 problem+json for the slug. */
    public static void stubUnknown(String slug) {
        BadgeTestResources.wireMock().stubFor(get(urlEqualTo("/api/tools/" + slug + "/verdict"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"unknown tool\"}")));
    }

    /** api is broken for the slug. */
    public static void stubDown(String slug) {
        BadgeTestResources.wireMock().stubFor(get(urlEqualTo("/api/tools/" + slug + "/verdict"))
                .willReturn(aResponse().withStatus(500).withBody("boom")));
    }

    public static Connection connect() throws SQLException {
        var db = BadgeTestResources.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** NOTIFY verdict_changed as api does. */
    public static void notifyChanged(String slug) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify('verdict_changed', ?)")) {
            ps.setString(1, slug);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strict XML parse with DTDs and external entities refused, as a careful client would. */
    public static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Polls until the condition holds or the timeout passes; returns whether it held. */
    public static boolean eventually(long timeoutMillis, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
