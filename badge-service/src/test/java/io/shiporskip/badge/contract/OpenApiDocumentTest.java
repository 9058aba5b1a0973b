package io.shiporskip.badge.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.testing.contract.OpenApiDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules badge-service's document must keep (docs/CONTRACT.md), beyond what validating responses can see: a
 * response without a schema validates anything, an undeclared header is never checked, an array where one value is
 * meant, a missing operationId or an undeclared tag breaks generated clients. The rules api's document keeps too are
 * test-support's {@link OpenApiDocument}; badge-service's own are added here.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
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
        assertEquals(1, document.path("components").path("securitySchemes").size());
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdADeclaredTagAndSecurity() {
        Set<String> declared = openapi.describedTags();
        List<String> problems = openapi.idAndSecurityProblems();
        openapi.operations((where, operation) -> {
            if (operation.path("tags").size() != 1 || !declared.contains(operation.path("tags").path(0).asText())) {
                problems.add(where + ": tags " + operation.path("tags"));
            }
            // Only the maker statistics need a token.
            JsonNode security = operation.path("security");
            boolean secured = where.contains(" /api/makers/");
            if (secured != (security.size() > 0)) {
                problems.add(where + ": security " + security);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAnswerHasASchemaAndEveryErrorIsAProblem() {
        List<String> problems = openapi.answersWithoutSchema(type -> true);
        openapi.operations((where, operation) -> operation.path("responses").fields().forEachRemaining(entry -> {
            String status = entry.getKey();
            JsonNode content = entry.getValue().path("content");
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
        openapi.operations((where, operation) -> {
            JsonNode responses = operation.path("responses");
            boolean maker = where.contains(" /api/makers/") || where.contains(" /makers");
            if (responses.has("200") && !maker) {
                for (String status : List.of("200", "304")) {
                    if (!responses.path(status).path("headers").has("ETag")) {
                        problems.add(where + " " + status + ": no ETag");
                    }
                }
                if (!openapi.hasParameter(operation, "If-None-Match")) {
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
        openapi.operations((where, operation) -> operation.path("parameters").forEach(parameter -> {
            JsonNode p = openapi.resolve(parameter);
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
}
