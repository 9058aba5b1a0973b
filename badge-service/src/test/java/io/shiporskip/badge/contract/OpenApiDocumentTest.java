package io.shiporskip.badge.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules badge-service's document must keep (docs/CONTRACT.md), beyond what validating responses can see: a
 * response without a schema validates anything, an undeclared header is never checked, an array where one value is
 * meant, a missing operationId or an undeclared tag breaks generated clients.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class OpenApiDocumentTest {

    private JsonNode document;

    @BeforeEach
    void load() throws Exception {
        document = new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void isOpenApi303WithServersAndADescribedBearerScheme() {
        assertEquals("3.0.3", document.path("openapi").asText());
        assertTrue(document.path("servers").size() > 0, "servers");
        assertEquals(1, document.path("components").path("securitySchemes").size());
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearerAuth");
        assertEquals("bearer", bearer.path("scheme").asText());
        assertTrue(bearer.path("description").asText().contains("groups"), "roles are described");
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdADeclaredTagAndSecurity() {
        Set<String> ids = new HashSet<>();
        Set<String> declared = new HashSet<>();
        document.path("tags").forEach(tag -> {
            declared.add(tag.path("name").asText());
            assertTrue(!tag.path("description").asText().isBlank(), "tag " + tag + " is described");
        });
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z0-9]*") || !ids.add(id)) {
                problems.add(where + ": operationId '" + id + "'");
            }
            if (operation.path("tags").size() != 1 || !declared.contains(operation.path("tags").path(0).asText())) {
                problems.add(where + ": tags " + operation.path("tags"));
            }
            JsonNode security = operation.path("security");
            if (!security.isArray()) {
                problems.add(where + ": no security (public operations say security: [])");
            }
            boolean secured = where.contains(" /api/makers/");
            if (secured != (security.size() > 0)) {
                problems.add(where + ": security " + security);
            }
            security.forEach(requirement -> requirement.fields().forEachRemaining(scheme -> {
                if (scheme.getValue().size() > 0) {
                    problems.add(where + ": scopes on the bearer scheme " + scheme.getValue());
                }
            }));
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAnswerHasASchemaAndEveryErrorIsAProblem() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> operation.path("responses").fields().forEachRemaining(entry -> {
            String status = entry.getKey();
            JsonNode content = entry.getValue().path("content");
            content.fields().forEachRemaining(type -> {
                if (type.getValue().path("schema").isMissingNode()) {
                    problems.add(where + " " + status + " " + type.getKey() + ": no schema");
                }
            });
            if ((status.startsWith("4") || status.startsWith("5")) && !where.startsWith("HEAD ")
                    && !content.path("application/problem+json").path("schema").path("$ref").asText()
                            .equals("#/components/schemas/ProblemDetail")) {
                problems.add(where + " " + status + ": no application/problem+json ProblemDetail");
            }
            if (!entry.getValue().path("headers").has("Cache-Control")) {
                problems.add(where + " " + status + ": no Cache-Control");
            }
        }));
        assertEquals(List.of(), problems);
        JsonNode problem = document.path("components").path("schemas").path("ProblemDetail");
        assertEquals("[\"type\",\"title\",\"status\"]", problem.path("required").toString());
    }

    @Test
    void publicReadsRevalidateAndRedirectsSayWhere() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            JsonNode responses = operation.path("responses");
            boolean maker = where.contains(" /api/makers/") || where.contains(" /makers");
            if (responses.has("200") && !maker) {
                for (String status : List.of("200", "304")) {
                    if (!responses.path(status).path("headers").has("ETag")) {
                        problems.add(where + " " + status + ": no ETag");
                    }
                }
                if (!hasParameter(operation, "If-None-Match")) {
                    problems.add(where + ": no If-None-Match");
                }
            }
            if (responses.has("302") && !responses.path("302").path("headers").has("Location")) {
                problems.add(where + " 302: no Location");
            }
        });
        assertEquals(List.of(), problems);
        for (String header : List.of("ETag", "Cache-Control", "Location", "WWW-Authenticate")) {
            assertTrue(document.path("components").path("headers").path(header).path("required").asBoolean(), header);
        }
    }

    @Test
    void parametersAreSingleValuesOfExactTypes() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> operation.path("parameters").forEach(parameter -> {
            JsonNode p = parameter.has("$ref") ? resolve(parameter.path("$ref").asText()) : parameter;
            JsonNode schema = p.path("schema");
            if (!"string".equals(schema.path("type").asText())) {
                problems.add(where + " " + p.path("name").asText() + ": " + schema);
            }
            switch (p.path("name").asText()) {
                case "slug" -> {
                    if (!schema.has("pattern") || schema.path("maxLength").asInt() != 100) {
                        problems.add(where + " slug: " + schema);
                    }
                }
                case "style", "theme", "src" -> {
                    if (!schema.path("enum").isArray()) {
                        problems.add(where + " " + p.path("name").asText() + ": no enum");
                    }
                }
                case "from", "to" -> {
                    if (!"date".equals(schema.path("format").asText())) {
                        problems.add(where + " " + p.path("name").asText() + ": not a date");
                    }
                }
                default -> {
                }
            }
        }));
        assertEquals(List.of(), problems);
    }

    private boolean hasParameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = parameter.has("$ref") ? resolve(parameter.path("$ref").asText()) : parameter;
            if (name.equals(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private void operations(BiConsumer<String, JsonNode> each) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method.getKey())) {
                    each.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                }
            });
        }
    }
}
