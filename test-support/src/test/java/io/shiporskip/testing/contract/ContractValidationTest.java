package io.shiporskip.testing.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.shiporskip.testing.contract.ContractValidation.UnknownPaths;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter both services' tests run, against a small server with a document of one operation: a documented answer
 * passes, an undocumented one fails the test that received it, and unknown paths must say so.
 */
class ContractValidationTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"operationId": "getThing",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {"200": {"description": "the thing", "content": {"application/json": {"schema": {
                 "type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}}}}}}}
            """;

    static HttpServer server;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status;
            String body;
            switch (path) {
                case "/q/openapi" -> { status = 200; body = DOCUMENT; }
                case "/things/good" -> { status = 200; body = "{\"name\": \"a thing\"}"; }
                case "/things/bad" -> { status = 200; body = "{\"name\": 42}"; }
                case "/static/app.js" -> { status = 200; body = "{}"; }
                case "/teapot" -> { status = 418; body = "{}"; }
                default -> { status = 404; body = "{}"; }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static int get(ContractValidation filter, String path) {
        return given().filter(filter).when().get(base + path).then().extract().statusCode();
    }

    @Test
    void aDocumentedAnswerPassesAndAnUndocumentedOneFails() {
        ContractValidation filter = new ContractValidation(UnknownPaths.NOT_FOUND_OR_NOT_ALLOWED, "/static/");
        assertEquals(200, get(filter, "/things/good"));
        AssertionError wrongType = assertThrows(AssertionError.class, () -> get(filter, "/things/bad"));
        assertTrue(wrongType.getMessage().startsWith("Contract violation: GET /things/bad answered 200"),
                wrongType.getMessage());
        // Relaxing covers the request only: the answer is still checked.
        filter.relaxRequests(true);
        assertThrows(AssertionError.class, () -> get(filter, "/things/bad"));
    }

    @Test
    void anUnknownPathMustAnswer404UnlessTheServiceAllowsAnyClientErrorInARelaxedTest() {
        ContractValidation strict = new ContractValidation(UnknownPaths.NOT_FOUND_OR_NOT_ALLOWED, "/static/");
        assertEquals(404, get(strict, "/nowhere"));
        assertEquals(200, get(strict, "/static/app.js"), "static files are outside the contract");
        strict.relaxRequests(true);
        assertThrows(AssertionError.class, () -> get(strict, "/teapot"));

        ContractValidation lenient = new ContractValidation(UnknownPaths.ANY_CLIENT_ERROR_WHEN_RELAXED);
        assertThrows(AssertionError.class, () -> get(lenient, "/teapot"));
        lenient.relaxRequests(true);
        assertEquals(418, get(lenient, "/teapot"));
        assertThrows(AssertionError.class, () -> get(lenient, "/static/app.js"), "no static files declared here");
    }
}
