package io.shiporskip.api.admin;

import io.shiporskip.api.SameTime;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.account.TestAccounts;
import io.shiporskip.api.contract.InvalidRequests;
import io.shiporskip.api.tool.claim.Claims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editors' queue of claims: listing, approving and rejecting, who may do it, and what the claimant is told. */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class AdminClaimsTest {

    /** A claim without a website to fetch, so proving it puts it in review: (slug, claimant e-mail, claim id). */
    private record Queued(String slug, String email, String id) {
    }

    private static Queued inReview(String prefix) {
        String slug = Claims.newTool(prefix, null);
        String email = Claims.newMakerEmail(prefix);
        String token = TestAccounts.token(email);
        String id = Claims.newClaim(token, slug);
        Claims.prove(token, slug, id).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        return new Queued(slug, email, id);
    }

    @Test
    void theQueueListsClaimsInReviewOldestFirstWithTheClaimantsAddressPageByPage() {
        Queued first = inReview("queue-first");
        Queued second = inReview("queue-second");
        String admin = TestAccounts.adminToken();
        List<String> seen = new ArrayList<>();
        Map<String, String> emails = new LinkedHashMap<>();
        String cursor = null;
        do {
            RequestSpecification request = given().auth().oauth2(admin).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/admin/claims").then().statusCode(200)
                    .body("items.size()", equalTo(1)).extract().jsonPath();
            page.getList("items", Map.class).forEach(item -> {
                seen.add((String) item.get("id"));
                emails.put((String) item.get("id"), (String) item.get("claimantEmail"));
                assertEquals("IN_REVIEW", item.get("status"));
            });
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(seen.indexOf(first.id()) >= 0 && seen.indexOf(first.id()) < seen.indexOf(second.id()), seen.toString());
        assertEquals(first.email(), emails.get(first.id()));
        assertEquals(second.email(), emails.get(second.id()));

        given().auth().oauth2(admin).queryParam("status", "AWAITING_PROOF").when().get("/api/admin/claims")
                .then().statusCode(200).body("items.findAll { it.id == '" + first.id() + "' }.size()", equalTo(0));
    }

    @Test
    @InvalidRequests("an unknown status")
    void badQueueParametersAreNamed() {
        String admin = TestAccounts.adminToken();
        given().auth().oauth2(admin).queryParam("cursor", "bm90LWEtY3Vyc29y").when().get("/api/admin/claims")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(admin).queryParam("status", "PENDING").when().get("/api/admin/claims")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    /** Twelve editors' clicks on one approval at once: one decision, one grant, one mail; every answer says APPROVED. */
    @Test
    void twelveIdenticalApprovalsAtOnceDecideOnce() throws Exception {
        Queued claim = inReview("approve-race");
        String admin = TestAccounts.adminToken();
        assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> given().auth().oauth2(admin)
                .contentType("application/json").body(Map.of()).when().post("/api/admin/claims/" + claim.id() + "/approve")));
        assertEquals(List.of(claim.slug()), Claims.toolsInToken(claim.email()));
        assertEquals(1, Claims.mails(claim.email(), "You are now a maker of").size());
        List<String> audit = Claims.audit(claim.id());
        assertEquals(1, audit.stream().filter(row -> row.startsWith("APPROVED ")).count(), audit.toString());
        assertEquals(1, audit.stream().filter(row -> row.startsWith("GRANTED ")).count(), audit.toString());
    }

    @Test
    void anEditorApprovesTheClaimantBecomesAMakerAndIsMailed() {
        Queued claim = inReview("approve");
        long editor = Claims.accountId(TestAccounts.ADMIN_EMAIL);
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json")
                .body(Map.of("reason", "Confirmed with the vendor"))
                .when().post("/api/admin/claims/" + claim.id() + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("provedBy", equalTo("ADMIN"))
                .body("decidedAt", notNullValue())
                .body("reason", equalTo("Confirmed with the vendor"));
        assertEquals(List.of(claim.slug()), Claims.toolsInToken(claim.email()));
        List<Mail> mails = Claims.mails(claim.email(), "You are now a maker of");
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains("Confirmed with the vendor"));
        long account = Claims.accountId(claim.email());
        assertEquals(List.of("CLAIMED " + account + " - AWAITING_PROOF", "PROOF_ATTEMPT " + account + " - IN_REVIEW",
                "APPROVED " + editor + " ADMIN -", "GRANTED " + editor + " ADMIN -"), Claims.audit(claim.id()));

        // Approving again changes nothing; rejecting an approved claim is a conflict.
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of())
                .when().post("/api/admin/claims/" + claim.id() + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of("reason", "No"))
                .when().post("/api/admin/claims/" + claim.id() + "/reject").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1, Claims.mails(claim.email(), "You are now a maker of").size());
    }

    @Test
    void anEditorRejectsWithAReasonTheClaimantIsMailedEscaped() {
        Queued claim = inReview("reject");
        String reason = "The site <b>quill.example</b> belongs to someone else & says so";
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of("reason", reason))
                .when().post("/api/admin/claims/" + claim.id() + "/reject")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("provedBy", equalTo(null))
                .body("decidedAt", notNullValue())
                .body("reason", equalTo(reason));
        assertEquals(List.of(), Claims.toolsInToken(claim.email()));
        List<Mail> mails = Claims.mails(claim.email(), "Your claim on");
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains(reason));
        assertNotNull(mails.get(0).getHtml());
        assertTrue(mails.get(0).getHtml().contains("&lt;b&gt;quill.example&lt;/b&gt;"), mails.get(0).getHtml());
        assertFalse(mails.get(0).getHtml().contains("<b>quill"));
        assertTrue(Claims.audit(claim.id()).contains("REJECTED " + Claims.accountId(TestAccounts.ADMIN_EMAIL) + " - -"));

        // The claimant cannot prove a rejected claim, but may claim anew; an editor cannot approve it any more.
        String token = TestAccounts.token(claim.email());
        Claims.prove(token, claim.slug(), claim.id()).then().statusCode(409);
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of())
                .when().post("/api/admin/claims/" + claim.id() + "/approve").then().statusCode(409)
                .body("detail", containsString("rejected"));
        Claims.claim(token, claim.slug()).then().statusCode(201);
    }

    @Test
    @InvalidRequests("a rejection without a reason")
    void aRejectionNeedsAReason() {
        Queued claim = inReview("reject-empty");
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of("reason", " "))
                .when().post("/api/admin/claims/" + claim.id() + "/reject")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/api/admin/claims/not-a-uuid/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/api/admin/claims/00000000-0000-4000-8000-000000000000/reject")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @InvalidRequests("callers without a token")
    void onlyEditorsUseTheQueue() {
        Queued claim = inReview("queue-auth");
        String reader = TestAccounts.newReaderToken("queue-reader");
        // Another maker: a real maker of a tool (not this one) is still no editor.
        String otherSlug = Claims.newTool("queue-auth-other", null);
        String otherMaker = TestAccounts.newMaker("queue-other-maker", otherSlug);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("reader", reader);
        callers.put("the claimant", TestAccounts.token(claim.email()));
        callers.put("another maker", TestAccounts.token(otherMaker));
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            int expected = caller.getValue() == null ? 401 : 403;
            for (String[] route : List.of(new String[] {"GET", "/api/admin/claims", null},
                    new String[] {"POST", "/api/admin/claims/" + claim.id() + "/approve", "{}"},
                    new String[] {"POST", "/api/admin/claims/" + claim.id() + "/reject", "{\"reason\":\"no\"}"})) {
                RequestSpecification request = given();
                if (caller.getValue() != null) {
                    request = request.auth().oauth2(caller.getValue());
                }
                if (route[2] != null) {
                    request = request.contentType("application/json").body(route[2]);
                }
                var response = request.when().request(route[0], route[1]);
                if (response.statusCode() != expected || !"application/problem+json".equals(response.contentType())) {
                    differences.add(route[0] + " " + route[1] + " as " + caller.getKey() + ": " + response.statusCode());
                }
            }
        }
        assertEquals(List.of(), differences);
        // Nothing changed: the claim still waits, and the admin decides it (an approval's JSON body is optional).
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json")
                .when().post("/api/admin/claims/" + claim.id() + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }
}
