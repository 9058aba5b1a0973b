package io.shiporskip.api.tool.claim;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.response.Response;
import io.shiporskip.api.account.TestAccounts;
import io.shiporskip.api.tool.TestCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Claims for tests, made through the real routes; the audit trail and mails read where they really are. */
public final class Claims {

    private Claims() {
    }

    /** A new tool whose website is {@code website} (null: none); returns its slug. */
    public static String newTool(String prefix, String website) {
        Map<String, Object> body = TestCatalog.toolBody(TestCatalog.uniqueSlug(prefix));
        if (website == null) {
            body.remove("website");
        } else {
            body.put("website", website);
        }
        return TestCatalog.createTool(body);
    }

    /** A signed-up account that proved its address. */
    public static String newMakerEmail(String prefix) {
        String email = TestAccounts.uniqueEmail(prefix);
        TestAccounts.signUpVerified(email);
        return email;
    }

    public static Response claim(String token, String slug) {
        return given().auth().oauth2(token).when().post("/api/tools/" + slug + "/claims");
    }

    /** A new claim's id (201). */
    public static String newClaim(String token, String slug) {
        return claim(token, slug).then().statusCode(201).extract().jsonPath().getString("id");
    }

    public static Response prove(String token, String slug, String id) {
        return given().auth().oauth2(token).when().post("/api/tools/" + slug + "/claims/" + id + "/proof");
    }

    /** The claim's token, as its claimant reads it. */
    public static String claimToken(String token, String slug, String id) {
        return given().auth().oauth2(token).when().get("/api/tools/" + slug + "/claims/" + id)
                .then().statusCode(200).extract().jsonPath().getString("token");
    }

    /** The {@code tools} claim of a fresh token for this account. */
    @SuppressWarnings("unchecked")
    public static List<String> toolsInToken(String email) {
        Object tools = TestAccounts.jwtPart(TestAccounts.token(email), 1).get("tools");
        return tools == null ? List.of() : (List<String>) tools;
    }

    /** Mails sent to this address with this subject start (mock mailbox). */
    public static List<Mail> mails(String email, String subjectStart) {
        MockMailbox mailbox = Arc.container().instance(MockMailbox.class).get();
        return mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith(subjectStart)).toList();
    }

    /** "EVENT actor method outcome" per audit row of the claim, oldest first; actor is "api" when null. */
    public static List<String> audit(String claimId) {
        return rows("""
                SELECT event, coalesce(CAST(actor_id AS varchar), 'api'), coalesce(method, '-'), coalesce(outcome, '-')
                FROM catalog.maker_audit WHERE claim_id = CAST(? AS uuid) ORDER BY id""", claimId);
    }

    /** "EVENT actor method" per audit row about this account and tool, oldest first. */
    public static List<String> auditOf(String email, String slug) {
        return rows("""
                SELECT a.event, coalesce(CAST(a.actor_id AS varchar), 'api'), coalesce(a.method, '-'), '' FROM catalog.maker_audit a
                JOIN catalog.account acc ON acc.id = a.account_id JOIN catalog.tool t ON t.id = a.tool_id
                WHERE acc.email = ? AND t.slug = ? ORDER BY a.id""", email, slug);
    }

    /** How many claim rows this account has on this tool, whatever their status. */
    public static long claimRows(String email, String slug) {
        return Long.parseLong(rows("""
                SELECT count(*), '', '', '' FROM catalog.tool_claim c JOIN catalog.account a ON a.id = c.account_id
                JOIN catalog.tool t ON t.id = c.tool_id WHERE a.email = ? AND t.slug = ?""", email, slug)
                .get(0).split(" ")[0]);
    }

    public static long accountId(String email) {
        return Long.parseLong(rows("SELECT id, '', '', '' FROM catalog.account WHERE email = ?", email)
                .get(0).split(" ")[0]);
    }

    private static List<String> rows(String sql, String... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add((result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                            + result.getString(4)).trim());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
