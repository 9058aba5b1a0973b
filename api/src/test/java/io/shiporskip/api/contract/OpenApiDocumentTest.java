package io.shiporskip.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import io.shiporskip.testing.contract.OpenApiDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules the document itself must keep (docs/CONTRACT.md), beyond what validating responses can see: a response
 * without a schema validates anything, an undeclared tag or a missing operationId breaks generated clients. The rules
 * badge-service's document keeps too are test-support's {@link OpenApiDocument}; the api's own are added here.
 */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class OpenApiDocumentTest {

    private OpenApiDocument openapi;
    private JsonNode document;

    @BeforeEach
    void load() {
        openapi = OpenApiDocument.fetch();
        document = openapi.root();
    }

    @Test
    void isOpenApi303WithServersAndADescribedBearerScheme() {
        openapi.assertOpenApi303WithServersAndADescribedBearerScheme();
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdDeclaredTagsAndSecurity() {
        Set<String> declared = openapi.describedTags();
        List<String> problems = openapi.idAndSecurityProblems();
        openapi.operations((where, operation) -> operation.path("tags").forEach(tag -> {
            if (!declared.contains(tag.asText())) {
                problems.add(where + ": undeclared tag " + tag);
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyJsonAnswerHasASchemaAndEveryApiErrorIsAProblem() {
        List<String> problems = openapi.answersWithoutSchema(type -> type.contains("json"));
        openapi.operations((where, operation) -> operation.path("responses").fields().forEachRemaining(entry -> {
            String status = entry.getKey();
            JsonNode content = entry.getValue().path("content");
            // A HEAD answer has no body: its errors are documented without content.
            if (status.startsWith("4") && where.contains(" /api/") && !where.startsWith("HEAD ")
                    && !content.path("application/problem+json").path("schema").has("$ref")) {
                problems.add(where + " " + status + ": not application/problem+json");
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void patternsAreEcma262AsJavaReadsThem() {
        List<String> problems = new ArrayList<>();
        walk(document, "", (path, node) -> {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                String regex = pattern.asText();
                // Java-only syntax, or \s/\S (ASCII in Java, Unicode in JavaScript) outside [\s\S].
                if (regex.contains("(?") && !regex.contains("(?:") || regex.contains("\\p{")
                        || regex.replace("[\\s\\S]", "").matches(".*\\\\[sS].*")) {
                    problems.add(path + ": " + regex);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyGetHasAHeadTwinWithItsStatusesAndNoBodies() {
        // Quarkus REST answers HEAD on every GET; a client or validator sending HEAD must find the operation.
        List<String> problems = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            JsonNode head = path.getValue().path("head");
            if (get.isMissingNode()) {
                return;
            }
            if (head.isMissingNode()) {
                problems.add("no HEAD " + path.getKey());
                return;
            }
            List<String> getStatuses = new ArrayList<>();
            get.path("responses").fieldNames().forEachRemaining(getStatuses::add);
            List<String> headStatuses = new ArrayList<>();
            head.path("responses").fieldNames().forEachRemaining(headStatuses::add);
            if (!getStatuses.equals(headStatuses)) {
                problems.add("HEAD " + path.getKey() + " " + headStatuses + " vs GET " + getStatuses);
            }
            head.path("responses").fields().forEachRemaining(answer -> {
                if (answer.getValue().has("content")) {
                    problems.add("HEAD " + path.getKey() + " " + answer.getKey() + " has a body");
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void pagingParametersAreBoundedIntegers() {
        for (String path : List.of("/api/tools", "/api/me/bookmarks", "/api/tools/{slug}/alternatives")) {
            JsonNode limit = null;
            for (JsonNode parameter : document.path("paths").path(path).path("get").path("parameters")) {
                if (parameter.path("name").asText().equals("limit")) {
                    limit = parameter.path("schema");
                }
            }
            assertTrue(limit != null && limit.path("type").asText().equals("integer")
                    && limit.path("minimum").asInt() == 1 && limit.has("maximum"), path + " limit: " + limit);
        }
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> each) {
        if (node.isObject()) {
            each.accept(path, node);
            node.fields().forEachRemaining(field -> walk(field.getValue(), path + "/" + field.getKey(), each));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, each);
            }
        }
    }
}
