package io.shiporskip.testing.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A service's own OpenAPI document as its {@code OpenApiDocumentTest} reads it, with the rules both services'
 * documents keep (docs/CONTRACT.md); each test adds its service's own rules on top.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** GET /q/openapi as JSON from the application under test. */
    public static OpenApiDocument fetch() {
        String text = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new AssertionError("/q/openapi is not JSON", e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Each operation as "GET /path" with its node. */
    public void operations(BiConsumer<String, JsonNode> each) {
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    each.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                }
            });
        }
    }

    /** The node a local {@code $ref} ("#/components/…") points to; any other node as it is. */
    public JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = root;
        for (String part : node.path("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    /** Whether the operation declares a parameter of that name (directly or by reference). */
    public boolean hasParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(resolve(parameter).path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** OpenAPI 3.0.3, servers, and a bearer scheme {@code bearerAuth} whose description names the roles. */
    public void assertOpenApi303WithServersAndADescribedBearerScheme() {
        assertEquals("3.0.3", root.path("openapi").asText());
        assertTrue(root.path("servers").size() > 0, "servers");
        JsonNode bearer = root.path("components").path("securitySchemes").path("bearerAuth");
        assertEquals("bearer", bearer.path("scheme").asText());
        assertTrue(bearer.path("description").asText().contains("groups"), "roles are described");
    }

    /** The declared tags' names; each must be described. */
    public Set<String> describedTags() {
        Set<String> declared = new HashSet<>();
        root.path("tags").forEach(tag -> {
            declared.add(tag.path("name").asText());
            assertTrue(!tag.path("description").asText().isBlank(), "tag " + tag + " is described");
        });
        return declared;
    }

    /**
     * What breaks generated clients in ids and security: an operationId missing, not camelCase or used twice; an
     * operation without {@code security} (public operations say {@code security: []}); scopes on the bearer scheme.
     */
    public List<String> idAndSecurityProblems() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z0-9]*") || !ids.add(id)) {
                problems.add(where + ": operationId '" + id + "'");
            }
            JsonNode security = operation.path("security");
            if (!security.isArray()) {
                problems.add(where + ": no security (public operations say security: [])");
            }
            security.forEach(requirement -> requirement.fields().forEachRemaining(scheme -> {
                if (scheme.getValue().size() > 0) {
                    problems.add(where + ": scopes on the bearer scheme " + scheme.getValue());
                }
            }));
        });
        return problems;
    }

    /** Each answer whose media type the predicate selects and that has no schema (it would validate anything). */
    public List<String> answersWithoutSchema(Predicate<String> mediaType) {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> operation.path("responses").fields().forEachRemaining(entry ->
                entry.getValue().path("content").fields().forEachRemaining(type -> {
                    if (mediaType.test(type.getKey()) && type.getValue().path("schema").isMissingNode()) {
                        problems.add(where + " " + entry.getKey() + " " + type.getKey() + ": no schema");
                    }
                })));
        return problems;
    }
}
