package io.shiporskip.api.comparison;

import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Params;
import io.shiporskip.model.ProblemDetail;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Compare 2 to 4 tools", description = "The decision table (panel verdict, community, pricing, "
            + "best for, category) and the reviewer scorecard, one column per tool in the order given.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "Fewer than 2 or more than 4 tools, a malformed or repeated slug",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "One of the tools does not exist",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Uni<Comparison> compare(@Parameter(description = "Comma-separated slugs", required = true,
            example = "gemini-2-5-flash-lite,smolvlm2") @QueryParam("tools") String tools) {
        return comparisons.compare(slugs(tools));
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
