package io.shiporskip.api.tool.claim;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.tool.claim.ProofSite.WELL_KNOWN;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.SameTime;
import io.shiporskip.api.account.TestAccounts;
import io.shiporskip.api.contract.InvalidRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A maker claims a tool and proves it on the tool's website — a real HTTP server started by each test — or the claim
 * goes to the editors' queue with what the fetch found. Over HTTP, on the real PostgreSQL.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class ClaimTest {

    @Test
    void aClaimIsCreatedWithItsTokenAndWhereToPublishIt() {
        String slug = Claims.newTool("claim-new", "https://quill.example/product");
        String maker = TestAccounts.token(Claims.newMakerEmail("claim-new"));
        JsonPath claim = Claims.claim(maker, slug).then().statusCode(201)
                .contentType("application/json")
                .header("Location", matchesPattern("https://api\\.shiporskip\\.example/api/tools/" + slug
                        + "/claims/[0-9a-f-]{36}"))
                .body("tool.slug", equalTo(slug))
                .body("tool.name", equalTo("Quill Coder"))
                .body("status", equalTo("AWAITING_PROOF"))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("proof.wellKnownUrl", equalTo("https://quill.example/.well-known/shiporskip-verification.txt"))
                .body("createdAt", notNullValue())
                .body("decidedAt", nullValue())
                .body("provedBy", nullValue())
                .body("reason", nullValue())
                .extract().jsonPath();
        String token = claim.getString("token");
        assertEquals("<meta name=\"shiporskip-verification\" content=\"" + token + "\">", claim.getString("proof.metaTag"));
        given().auth().oauth2(maker).when().get("/api/tools/" + slug + "/claims/" + claim.getString("id"))
                .then().statusCode(200).body("id", equalTo(claim.getString("id"))).body("token", equalTo(token));
    }

    @Test
    void provedByTheWellKnownFileTheAccountBecomesAMakerIsMailedAndEveryStepIsAudited() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-file", site.origin());
            String email = Claims.newMakerEmail("claim-file");
            String maker = TestAccounts.token(email);
            String id = Claims.newClaim(maker, slug);
            String token = Claims.claimToken(maker, slug, id);
            site.at(WELL_KNOWN, ProofSite.text(200, "shiporskip-verification: " + token + "\n"));

            Claims.prove(maker, slug, id).then().statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("provedBy", equalTo("WELL_KNOWN"))
                    .body("decidedAt", notNullValue())
                    .body("reason", nullValue())
                    .header("RateLimit-Remaining", notNullValue()); // a proof spends the writes allowance

            assertEquals(List.of(slug), Claims.toolsInToken(email));
            List<Mail> mails = Claims.mails(email, "You are now a maker of");
            assertEquals(1, mails.size());
            assertTrue(mails.get(0).getText().contains("https://shiporskip.example/tool/" + slug), mails.get(0).getText());
            assertTrue(mails.get(0).getText().contains("https://api.shiporskip.example/api/tools/" + slug + "/claims/" + id));
            long account = Claims.accountId(email);
            assertEquals(List.of("CLAIMED " + account + " - AWAITING_PROOF",
                    "PROOF_ATTEMPT " + account + " WELL_KNOWN APPROVED",
                    "APPROVED api WELL_KNOWN -",
                    "GRANTED api WELL_KNOWN -"), Claims.audit(id));

            // Proving an approved claim again fetches nothing and changes nothing; claiming again is a 409.
            int fetched = site.requests.size();
            Claims.prove(maker, slug, id).then().statusCode(200).body("status", equalTo("APPROVED"));
            assertEquals(fetched, site.requests.size());
            Claims.claim(maker, slug).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:shiporskip:problem:conflict"))
                    .body("detail", containsString("already a maker"));
        }
    }

    @Test
    void provedByTheHomePagesMetaTag() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-meta", site.origin() + "/home");
            String email = Claims.newMakerEmail("claim-meta");
            String maker = TestAccounts.token(email);
            String id = Claims.newClaim(maker, slug);
            String token = Claims.claimToken(maker, slug, id);
            site.at("/home", ProofSite.html("<!DOCTYPE html><html><head><title>Quill</title>\n"
                    + "<META content='" + token + "' NAME=\"shiporskip-verification\" >\n</head><body>Quill</body></html>"));

            Claims.prove(maker, slug, id).then().statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("provedBy", equalTo("META"))
                    .body("proof.wellKnownUrl", equalTo(site.origin() + WELL_KNOWN));
            assertEquals(List.of("127.0.0.1:" + site.port() + " " + WELL_KNOWN, "127.0.0.1:" + site.port() + " /home"),
                    site.requests);
            assertEquals(List.of(slug), Claims.toolsInToken(email));
        }
    }

    @Test
    void aSameHostRedirectIsFollowed() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-hop", site.origin());
            String maker = TestAccounts.token(Claims.newMakerEmail("claim-hop"));
            String id = Claims.newClaim(maker, slug);
            site.at(WELL_KNOWN, ProofSite.redirect("/proofs/current.txt"))
                    .at("/proofs/current.txt", ProofSite.text(200, Claims.claimToken(maker, slug, id)));
            Claims.prove(maker, slug, id).then().statusCode(200).body("status", equalTo("APPROVED"))
                    .body("provedBy", equalTo("WELL_KNOWN"));
        }
    }

    @Test
    void aWrongTokenLeavesTheClaimInReviewSayingWhatWasFound() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-wrong", site.origin());
            String email = Claims.newMakerEmail("claim-wrong");
            String maker = TestAccounts.token(email);
            String id = Claims.newClaim(maker, slug);
            String other = "x".repeat(43);
            site.at(WELL_KNOWN, ProofSite.text(200, other))
                    .at("/", ProofSite.html("<html><head><meta name=\"shiporskip-verification\" content=\"" + other
                            + "\"></head></html>"));

            Claims.prove(maker, slug, id).then().statusCode(200)
                    .body("status", equalTo("IN_REVIEW"))
                    .body("provedBy", nullValue())
                    .body("decidedAt", nullValue())
                    .body("reason", containsString(WELL_KNOWN + " answered HTTP 200 without the token"))
                    .body("reason", containsString("meta tag that carries another token"));
            assertEquals(List.of(), Claims.toolsInToken(email));
            long account = Claims.accountId(email);
            assertEquals(List.of("CLAIMED " + account + " - AWAITING_PROOF", "PROOF_ATTEMPT " + account + " - IN_REVIEW"),
                    Claims.audit(id));
            assertEquals(List.of(), Claims.mails(email, "You are now a maker of"));

            // Fixed on the site, proving again from review approves it.
            site.at(WELL_KNOWN, ProofSite.text(200, Claims.claimToken(maker, slug, id)));
            Claims.prove(maker, slug, id).then().statusCode(200).body("status", equalTo("APPROVED"))
                    .body("reason", nullValue());
        }
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-away", site.origin());
            String maker = TestAccounts.token(Claims.newMakerEmail("claim-away"));
            String id = Claims.newClaim(maker, slug);
            String token = Claims.claimToken(maker, slug, id);
            // localhost is the same machine under another name: still another host.
            String elsewhere = "http://localhost:" + site.port() + "/elsewhere.txt";
            site.at(WELL_KNOWN, ProofSite.redirect(elsewhere)).at("/elsewhere.txt", ProofSite.text(200, token))
                    .at("/", ProofSite.redirect(elsewhere));

            Claims.prove(maker, slug, id).then().statusCode(200)
                    .body("status", equalTo("IN_REVIEW"))
                    .body("reason", containsString("redirected to " + elsewhere + ", on another host"));
            assertTrue(site.requests.stream().noneMatch(r -> r.startsWith("localhost")), site.requests.toString());
        }
    }

    @Test
    void anOversizedAnswerIsCutOffAtTheByteCap() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-big", site.origin());
            String maker = TestAccounts.token(Claims.newMakerEmail("claim-big"));
            String id = Claims.newClaim(maker, slug);
            String token = Claims.claimToken(maker, slug, id);
            // The token comes after 1 MiB (streamed, no Content-Length), the meta tag after a declared 100 KB.
            site.at(WELL_KNOWN, ProofSite.chunked(1 << 20, token))
                    .at("/", ProofSite.html("<html>" + " ".repeat(100_000) + "<meta name=\"shiporskip-verification\" content=\""
                            + token + "\"></html>"));

            Claims.prove(maker, slug, id).then().statusCode(200)
                    .body("status", equalTo("IN_REVIEW"))
                    .body("reason", containsString(WELL_KNOWN + ": the answer is larger than 65536 bytes"))
                    .body("reason", containsString("GET " + site.origin() + ": the answer is larger than 65536 bytes"));
        }
    }

    @Test
    void aSiteThatDoesNotAnswerInTimeIsGivenUpOn() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-slow", site.origin());
            String maker = TestAccounts.token(Claims.newMakerEmail("claim-slow"));
            String id = Claims.newClaim(maker, slug);
            site.at(WELL_KNOWN, ProofSite.slow(10_000, ProofSite.text(200, Claims.claimToken(maker, slug, id))))
                    .at("/", ProofSite.html("<html><head><title>No tag</title></head></html>"));

            long started = System.nanoTime();
            Claims.prove(maker, slug, id).then().statusCode(200)
                    .body("status", equalTo("IN_REVIEW"))
                    .body("reason", containsString(WELL_KNOWN + ": no complete answer within 2 s"))
                    .body("reason", containsString("without a <meta name=\"shiporskip-verification\"> tag"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 6_000, "the proof took " + millis + " ms");
        }
    }

    @Test
    void aToolWithoutWebsiteGoesStraightToReview() {
        String slug = Claims.newTool("claim-nosite", null);
        String maker = TestAccounts.token(Claims.newMakerEmail("claim-nosite"));
        String id = Claims.claim(maker, slug).then().statusCode(201).body("proof.wellKnownUrl", nullValue())
                .extract().jsonPath().getString("id");
        Claims.prove(maker, slug, id).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("reason", containsString("no website on record"));
    }

    @Test
    void anUnverifiedAccountMayNotClaim() {
        String slug = Claims.newTool("claim-unverified", "https://quill.example");
        String reader = TestAccounts.newReaderToken("claim-unverified");
        Claims.claim(reader, slug).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:shiporskip:problem:forbidden"))
                .body("detail", containsString("Confirm your e-mail address"));
    }

    @Test
    void aMakerGrantedByAnEditorCannotClaimAgain() {
        String slug = Claims.newTool("claim-maker", "https://quill.example");
        String email = TestAccounts.newMaker("claim-maker", slug);
        Claims.claim(TestAccounts.token(email), slug).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnknownToolIsA404() {
        String maker = TestAccounts.token(Claims.newMakerEmail("claim-unknown"));
        Claims.claim(maker, "no-such-tool-" + System.nanoTime()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:shiporskip:problem:not-found"));
    }

    @Test
    void identicalClaimsAtOnceLeaveOneClaim() throws Exception {
        String slug = Claims.newTool("claim-race", "https://quill.example");
        String email = Claims.newMakerEmail("claim-race");
        String maker = TestAccounts.token(email);
        assertEquals(Map.of(200, SameTime.REQUESTS - 1, 201, 1), SameTime.statuses(() -> Claims.claim(maker, slug)));
        assertEquals(1, Claims.claimRows(email, slug));
        // Asking again while it is open answers the same claim.
        String id = Claims.claim(maker, slug).then().statusCode(200).extract().jsonPath().getString("id");
        assertEquals(List.of("CLAIMED " + Claims.accountId(email) + " - AWAITING_PROOF"), Claims.audit(id));
    }

    @Test
    void identicalProofsAtOnceDecideOnceAndMailOnce() throws Exception {
        try (ProofSite site = new ProofSite()) {
            String slug = Claims.newTool("claim-proof-race", site.origin());
            String email = Claims.newMakerEmail("claim-proof-race");
            String maker = TestAccounts.token(email);
            String id = Claims.newClaim(maker, slug);
            site.at(WELL_KNOWN, ProofSite.text(200, Claims.claimToken(maker, slug, id)));
            assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> Claims.prove(maker, slug, id)));
            given().auth().oauth2(maker).when().get("/api/tools/" + slug + "/claims/" + id).then().statusCode(200)
                    .body("status", equalTo("APPROVED"));
            assertEquals(1, Claims.mails(email, "You are now a maker of").size());
            assertEquals(1, Claims.audit(id).stream().filter(row -> row.startsWith("GRANTED")).count());
        }
    }

    @Test
    @InvalidRequests("one request without a token")
    void onlyTheClaimantAndEditorsSeeAClaimAndOnlyTheClaimantProvesIt() {
        String slug = Claims.newTool("claim-private", "https://quill.example");
        String owner = TestAccounts.token(Claims.newMakerEmail("claim-owner"));
        String stranger = TestAccounts.token(Claims.newMakerEmail("claim-stranger"));
        String id = Claims.newClaim(owner, slug);
        String path = "/api/tools/" + slug + "/claims/" + id;
        given().auth().oauth2(stranger).when().get(path).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestAccounts.adminToken()).when().get(path).then().statusCode(200);
        given().when().get(path).then().statusCode(401);
        Claims.prove(stranger, slug, id).then().statusCode(404).contentType("application/problem+json");
        Claims.prove(TestAccounts.adminToken(), slug, id).then().statusCode(404);
        // The id on another tool's path is not found either.
        String otherSlug = Claims.newTool("claim-private-other", "https://quill.example");
        given().auth().oauth2(owner).when().get("/api/tools/" + otherSlug + "/claims/" + id).then().statusCode(404);
    }

    @Test
    void editorsGrantsAndRevocationsAreAudited() {
        String slug = Claims.newTool("claim-editor", "https://quill.example");
        String email = Claims.newMakerEmail("claim-editor");
        String admin = TestAccounts.adminToken();
        long editor = Claims.accountId(TestAccounts.ADMIN_EMAIL);
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + email).then().statusCode(204);
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + email).then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/api/tools/" + slug + "/makers/" + email).then().statusCode(204);
        // A repeated grant changes nothing, so it leaves no second row.
        assertEquals(List.of("GRANTED " + editor + " EDITOR", "REVOKED " + editor + " EDITOR"),
                Claims.auditOf(email, slug));
    }
}
