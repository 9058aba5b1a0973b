package io.shiporskip.api.account;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.tool.TestCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every protected route × every kind of caller, with the exact status each cell must answer. A failure prints the
 * whole table of differences, not just the first.
 */
@QuarkusTest
@InvalidRequests("callers without a token, or with an expired, forged or foreign one")
@TestProfile(AccountsProfile.class)
class AuthorizationMatrixTest {

    static final List<String> CALLERS = List.of("anonymous", "reader", "maker of this tool", "maker of another tool",
            "admin", "expired token", "token signed by another key", "token from another issuer");

    record Route(String method, String path, Supplier<Object> body) {
        String name() {
            return method + " " + path;
        }
    }

    @Test
    void everyProtectedRouteAnswersEachCallerWithTheExactStatus() {
        String admin = TestAccounts.adminToken();
        String tool = TestCatalog.newTool("matrix-tool");
        String otherTool = TestCatalog.newTool("matrix-other");
        String makerEmail = TestAccounts.newMaker("maker-this", tool);
        String otherMakerEmail = TestAccounts.newMaker("maker-other", otherTool);
        String grantee = TestAccounts.uniqueEmail("grantee");
        TestAccounts.signUpVerified(grantee);

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("reader", TestAccounts.newReaderToken("matrix-reader"));
        tokens.put("maker of this tool", TestAccounts.token(makerEmail));
        tokens.put("maker of another tool", TestAccounts.token(otherMakerEmail));
        tokens.put("admin", admin);
        tokens.put("expired token", TestAccounts.expiredAdminToken());
        tokens.put("token signed by another key", TestAccounts.forgedAdminToken());
        tokens.put("token from another issuer", TestAccounts.foreignIssuerAdminToken());

        // Claims made before the table: one by the maker of another tool on this tool (theirs to read and prove), one
        // by the grantee (for the editors to reject). The reader never proved their address.
        String claimOfOtherMaker = given().auth().oauth2(tokens.get("maker of another tool")).when()
                .post("/api/tools/" + tool + "/claims").then().statusCode(201).extract().jsonPath().getString("id");
        String claimOfGrantee = given().auth().oauth2(TestAccounts.token(grantee)).when()
                .post("/api/tools/" + tool + "/claims").then().statusCode(201).extract().jsonPath().getString("id");

        String t = "/api/tools/" + tool;
        // Expected status per caller, in CALLERS order. Reader routes: any signed-in account (makers and admins are
        // readers too). Editorial routes: admin only — a maker may not edit even their own tool.
        Map<Route, List<Integer>> expected = new LinkedHashMap<>();
        List<Integer> reader200 = List.of(401, 200, 200, 200, 200, 401, 401, 401);
        List<Integer> reader204 = List.of(401, 204, 204, 204, 204, 401, 401, 401);
        expected.put(new Route("GET", "/api/me", null), reader200);
        expected.put(new Route("GET", "/api/me/bookmarks", null), reader200);
        expected.put(new Route("PUT", "/api/me/bookmarks/" + tool, null), reader204);
        expected.put(new Route("DELETE", "/api/me/bookmarks/" + tool, null), reader204);
        // Votes: readers whose address is proved (the reader never proved theirs: 403, nothing counted).
        List<Integer> voter200 = List.of(401, 403, 200, 200, 200, 401, 401, 401);
        expected.put(new Route("PUT", t + "/vote", () -> Map.of("decision", "SHIP")), voter200);
        expected.put(new Route("DELETE", t + "/vote", null), voter200);
        expected.put(new Route("POST", "/api/tools",
                () -> TestCatalog.toolBody(TestCatalog.uniqueSlug("matrix-new"))),
                List.of(401, 403, 403, 403, 201, 401, 401, 401));
        expected.put(new Route("PATCH", t, () -> Map.of("tagline", "Edited by the matrix")),
                List.of(401, 403, 403, 403, 200, 401, 401, 401));
        expected.put(new Route("POST", "/api/critics",
                () -> Map.of("slug", "matrix-critic-" + System.nanoTime(), "name", "Matrix", "lens", "Cells")),
                List.of(401, 403, 403, 403, 201, 401, 401, 401));
        expected.put(new Route("PUT", t + "/reviews/builder",
                () -> Map.of("score", 70, "decision", "SHIP", "text", "Solid.")),
                List.of(401, 403, 403, 403, 201, 401, 401, 401));
        expected.put(new Route("DELETE", t + "/reviews/builder", null), List.of(401, 403, 403, 403, 204, 401, 401, 401));
        expected.put(new Route("PUT", t + "/makers/" + grantee, null), List.of(401, 403, 403, 403, 204, 401, 401, 401));
        expected.put(new Route("DELETE", t + "/makers/" + grantee, null), List.of(401, 403, 403, 403, 204, 401, 401, 401));
        // Claims: any account with a proved address (the reader has none: 403; the maker of this tool: 409; the maker
        // of another tool already has an open claim: 200). A claim is its claimant's, and the editors' to read.
        expected.put(new Route("POST", t + "/claims", null), List.of(401, 403, 409, 200, 201, 401, 401, 401));
        expected.put(new Route("GET", t + "/claims/" + claimOfOtherMaker, null),
                List.of(401, 404, 404, 200, 200, 401, 401, 401));
        expected.put(new Route("POST", t + "/claims/" + claimOfOtherMaker + "/proof", null),
                List.of(401, 404, 404, 200, 404, 401, 401, 401));
        expected.put(new Route("GET", "/api/admin/claims", null), List.of(401, 403, 403, 403, 200, 401, 401, 401));
        expected.put(new Route("POST", "/api/admin/claims/" + claimOfGrantee + "/reject",
                () -> Map.of("reason", "Not the vendor")), List.of(401, 403, 403, 403, 200, 401, 401, 401));
        expected.put(new Route("POST", "/api/admin/claims/" + claimOfOtherMaker + "/approve", () -> Map.of()),
                List.of(401, 403, 403, 403, 200, 401, 401, 401));
        expected.put(new Route("POST", "/api/me/verification-mail", null), List.of(401, 202, 202, 202, 202, 401, 401, 401));
        // Last: a change revokes the caller's tokens. Every account is a reader (no role is missing); each token
        // changes only its own account, and only with that account's current password — the admin's is another (403).
        expected.put(new Route("PUT", "/api/me/password", () -> Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", TestAccounts.PASSWORD)), List.of(401, 204, 204, 204, 403, 401, 401, 401));

        List<String> differences = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Map.Entry<Route, List<Integer>> row : expected.entrySet()) {
            Route route = row.getKey();
            table.append(String.format("%-60s", route.name()));
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                RequestSpecification request = given();
                if (tokens.get(caller) != null) {
                    request = request.auth().oauth2(tokens.get(caller));
                }
                if (route.body() != null) {
                    request = request.contentType("application/json").body(route.body().get());
                }
                var response = request.when().request(route.method(), route.path());
                int status = response.statusCode();
                table.append(' ').append(status);
                if (status != row.getValue().get(i)) {
                    differences.add(route.name() + " as " + caller + ": expected " + row.getValue().get(i)
                            + ", got " + status);
                }
                if (status == 401 || status == 403) {
                    // Refusals are problem+json too, never a bare status.
                    assertEquals("application/problem+json", response.contentType(), route.name() + " as " + caller);
                }
            }
            table.append('\n');
        }
        assertEquals(List.of(), differences, "authorization matrix (columns: " + CALLERS + ")\n" + table);
    }
}
