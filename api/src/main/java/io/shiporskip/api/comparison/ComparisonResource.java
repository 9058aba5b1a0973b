package io.shiporskip.api.comparison;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons", description = "Tools side by side")
public class ComparisonResource {

    static final int MIN_TOOLS = 2;
    static final int MAX_TOOLS = 4;

    private final ComparisonService comparisons;

    public ComparisonResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Operation(operationId = "compareTools", summary = "Compare 2 to 4 tools", description = "The decision table (panel verdict, community, pricing, "
            + "best for, category) and the reviewer scorecard, one column per tool in the order given.")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Comparison.class),
            examples = @ExampleObject(name = "twoTools", value = """
                    {"tools":[{"slug":"gemini-2-5-flash-lite","name":"Gemini 2.5 Flash-Lite","vendor":"Google",
                       "tagline":"The cheapest fast model for high-volume work","description":"…","category":"Language Models",
                       "pricing":"$0.10 / 1M input tokens","entryPrice":"$0.10",
                       "verdict":{"decision":"SHIP","ships":4,"skips":0,"shipPercent":100,"meanScore":82.5,"reviewCount":4},
                       "community":{"state":"VOTED","votes":3,"ships":2,"skips":1,"shipPercent":67,"label":"67% ship · 3 votes"}},
                      {"slug":"quill-coder","name":"Quill Coder","vendor":"Quill Labs",
                       "tagline":"An editor plug-in that writes the boring half of your tests","description":"…",
                       "category":"Developer Tools","pricing":"Free tier","entryPrice":"Free",
                       "verdict":{"decision":"NONE","ships":0,"skips":0,"shipPercent":null,"meanScore":null,"reviewCount":0},
                       "community":{"state":"NO_VOTES","votes":0,"ships":0,"skips":0,"shipPercent":null,"label":"No community votes yet"}}],
                     "decisionTable":[{"label":"Panel verdict","cells":["Ship · 4 ship / 0 skip","No reviews yet"]}],
                     "scorecard":[{"critic":{"slug":"builder","name":"Builder"},
                       "cells":[{"tool":{"slug":"gemini-2-5-flash-lite","name":"Gemini 2.5 Flash-Lite"},"score":88,"decision":"SHIP","text":"…"},null]}]}""")))
    @APIResponse(responseCode = "400", description = "Fewer than 2 or more than 4 tools, a malformed or repeated slug")
    @APIResponse(responseCode = "404", description = "One of the tools does not exist")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> compare(@Parameter(description = "Comma-separated slugs, 2 to 4, all different; the "
            + "columns follow their order", required = true, example = "gemini-2-5-flash-lite,smolvlm2",
            schema = @Schema(type = SchemaType.STRING, maxLength = 505)) @QueryParam("tools") String tools,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return comparisons.compareRepresentation(slugs(tools))
                .map(comparison -> HttpCaching.answer(ifNoneMatch, comparison, HttpCaching.JSON));
    }

    private static List<String> slugs(String tools) {
        if (tools == null || tools.isBlank()) {
            throw ApiProblem.badParameter("tools", "name " + MIN_TOOLS + " to " + MAX_TOOLS + " tools by slug, comma-separated");
        }
        if (tools.length() > (MAX_TOOLS + 1) * 101) {
            throw ApiProblem.badParameter("tools", "is too long");
        }
        String[] parts = tools.split(",", -1);
        if (parts.length < MIN_TOOLS || parts.length > MAX_TOOLS) {
            throw ApiProblem.badParameter("tools", "compare " + MIN_TOOLS + " to " + MAX_TOOLS + " tools, got " + parts.length);
        }
        List<String> slugs = new ArrayList<>();
        for (String part : parts) {
            String slug = Params.slug("tools", part.trim());
            if (slugs.contains(slug)) {
                throw ApiProblem.badParameter("tools", "names '" + slug + "' twice");
            }
            slugs.add(slug);
        }
        return slugs;
    }
}
