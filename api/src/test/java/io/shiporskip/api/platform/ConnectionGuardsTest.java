package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What keeps one request from holding a database connection for long, and readiness that notices when it happens. */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class ConnectionGuardsTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int poolSize;

    @Test
    void everyPooledSessionEndsLongStatementsAndAbandonedTransactions() {
        assertEquals("5s", show("statement_timeout"));
        assertEquals("10s", show("idle_in_transaction_session_timeout"));
    }

    @Test
    void readinessTurnsDownWhileThePoolIsExhaustedAndUpAfter() {
        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(5)));
            }
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'database' }.data.reason", org.hamcrest.Matchers.containsString("no pooled connection"));
        } finally {
            held.forEach(connection -> connection.close().await().indefinitely());
        }
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("database"));
    }

    private String show(String setting) {
        return pool.query("SHOW " + setting).execute().await().atMost(Duration.ofSeconds(5))
                .iterator().next().getString(0);
    }
}
