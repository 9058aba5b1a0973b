package io.shiporskip.api.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shiporskip.api.CatalogDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class DemoDataLoaderTest {

    @Inject
    DemoDataLoader loader;

    @Test
    void loadingAgainAddsNothingAndDuplicatesNothing() throws Throwable {
        // the application loaded the catalog at startup; a second run (a restart) must be a no-op
        int added = VertxContextSupport.subscribeAndAwait(loader::loadMissing);

        assertEquals(0, added);
        given().queryParam("limit", 100).when().get("/api/tools").then().statusCode(200).body("items", hasSize(6));
        given().when().get("/api/critics").then().statusCode(200).body("", hasSize(4));
        given().when().get("/api/tools/smolvlm2").then().statusCode(200).body("reviews", hasSize(4));
    }
}
