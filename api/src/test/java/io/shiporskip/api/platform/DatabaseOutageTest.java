package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.account.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL is out of reach (restarting, a network fault) the api answers 503 with Retry-After — a reader's
 * read, a limited write, a mailed link opened in a browser — never a 500; once it is back, requests succeed again
 * without a restart of the api.
 */
@QuarkusTest
@WithTestResource(DatabaseOutage.class)
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsAwayRequestsAre503WithRetryAfterAndThenRecover() throws Exception {
        String admin = TestAccounts.adminToken(); // signed in while the database is there
        given().when().get("/api/tools?q=vision").then().statusCode(200);
        DatabaseOutage.cut();
        try {
            given().when().get("/api/tools?q=language")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .header("Cache-Control", "no-store")
                    .body("status", equalTo(503))
                    .body("type", containsString("unavailable"))
                    .body("detail", containsString("database is unavailable"));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("decision", "SHIP"))
                    .when().put("/api/tools/smolvlm2/vote")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5");
            // The confirm button on the page a mailed link opens: a person reads the answer, so it is a page.
            given().accept("text/html").contentType("application/x-www-form-urlencoded").body("token=" + "a".repeat(43))
                    .when().post("/api/newsletter/confirm")
                    .then().statusCode(503)
                    .contentType(containsString("text/html"))
                    .header("Retry-After", "5")
                    .body(containsString("Back in a moment"));
        } finally {
            DatabaseOutage.restore();
        }
        long deadline = System.currentTimeMillis() + 15_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = given().when().get("/api/tools?q=model").statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        given().when().get("/api/tools?q=model").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("decision", "SHIP"))
                .when().put("/api/tools/smolvlm2/vote").then().statusCode(200);
    }
}
