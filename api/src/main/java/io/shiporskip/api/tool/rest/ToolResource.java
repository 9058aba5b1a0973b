package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.Representations;
import io.shiporskip.api.tool.service.ToolService;
import io.shiporskip.api.tool.repository.ToolCursor;
import io.shiporskip.api.tool.repository.ToolListQuery;
import io.shiporskip.api.tool.repository.ToolSort;
import io.shiporskip.api.tool.mapping.ShareText;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tools", description = "Reviewed AI tools and their panel verdicts")
public class ToolResource {

    /**
     * The document's name for {@code Page<ToolSummary>}: an annotation can name a class, not a generic type, and the
     * list's examples need the schema named beside them.
     */
    @Schema(name = "PageToolSummary")
    record ToolPage(List<ToolSummary> items,
            @Schema(nullable = true, description = "Pass as `cursor` to get the next page; null on the last page") String nextCursor) {
    }

    private final ToolService catalog;
    private final Representations representations;

    public ToolResource(ToolService catalog, Representations representations) {
        this.catalog = catalog;
        this.representations = representations;
    }

    @GET
    @Operation(operationId = "listTools", summary = "List tools", description = "Filter by full-text query, category "
            + "and panel decision; keyset-paginated: pass the returned nextCursor to get the next page (null on the "
            + "last page).")
    @APIResponse(responseCode = "200", description = "One page of tools", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ToolPage.class),
            examples = @ExampleObject(name = "firstPage", value = """
                    {"items":[{"slug":"smolvlm2-2b","name":"SmolVLM2-2B","vendor":"Hugging Face",
                      "tagline":"2B-parameter vision-language model that runs on your device, not theirs",
                      "category":"Vision Models","entryPrice":"Free",
                      "verdict":{"decision":"SHIP","ships":3,"skips":1,"shipPercent":75,"meanScore":75.0,"reviewCount":4},
                      "community":{"state":"NO_VOTES","votes":0,"ships":0,"skips":0,"shipPercent":null,"label":"No community votes yet"},
                      "createdAt":"2026-11-02T09:00:00Z"}],
                     "nextCursor":"bjE3MzA1Mzc2MDAwMDA6Nw"}""")))
    @APIResponse(responseCode = "400", description = "A parameter is malformed (a cursor this api did not hand out "
            + "included); the problem names it")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch,
            @Parameter(description = "Full-text search over name, vendor, tagline, description and category; words match as prefixes",
                    example = "vision model", schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q") String q,
            @Parameter(description = "Exact category, case-insensitive", example = "Developer Tools",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 60)) @QueryParam("category") String category,
            @Parameter(description = "Panel decision (case-insensitive)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"SHIP", "SKIP", "SPLIT", "NONE"})) @QueryParam("decision") String decision,
            @Parameter(description = "Order of the list (case-insensitive)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"newest", "score", "ship-percent", "name"}, defaultValue = "newest")) @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page (opaque)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("cursor") String cursor) {
        ToolSort order = Params.oneOf("sort", sort, ToolSort.class, ToolSort.NEWEST);
        ToolListQuery query = new ToolListQuery(
                Params.optionalText("q", q, 200),
                Params.optionalText("category", category, 60),
                Params.oneOf("decision", decision, VerdictDecision.class, null),
                order,
                Params.intInRange("limit", limit, 1, 100, 20),
                cursor == null || cursor.isEmpty() ? null : ToolCursor.decode(cursor, order));
        return catalog.list(query).map(page -> HttpCaching.answer(ifNoneMatch, page, HttpCaching.JSON));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getTool", summary = "A tool with its panel verdict, community vote and every review",
            description = "Reviews in panel order. shipPercent and meanScore are null while there is no review, the "
                    + "community's shipPercent while there is no vote; license and website are null when unset.")
    @APIResponse(responseCode = "200", description = "The tool", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ToolDetail.class),
            examples = @ExampleObject(name = "noReviewsYet", value = """
                    {"slug":"quill-coder","name":"Quill Coder","vendor":"Quill Labs",
                     "tagline":"An editor plug-in that writes the boring half of your tests",
                     "description":"Generates unit tests from your diff and explains each one.","category":"Developer Tools",
                     "pricing":"Free tier / $12 per month","entryPrice":"Free","license":null,"website":null,
                     "createdAt":"2026-11-30T09:00:00Z","updatedAt":"2026-11-30T09:00:00Z",
                     "verdict":{"decision":"NONE","ships":0,"skips":0,"shipPercent":null,"meanScore":null,"reviewCount":0},
                     "community":{"state":"NO_VOTES","votes":0,"ships":0,"skips":0,"shipPercent":null,"label":"No community votes yet"},
                     "reviews":[]}""")))
    @APIResponse(responseCode = "400", description = "The slug is malformed")
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> get(@Parameter(example = "smolvlm2") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return catalog.detailRepresentation(Params.slug("slug", slug))
                .map(tool -> HttpCaching.answer(ifNoneMatch, tool, HttpCaching.JSON));
    }

    @GET
    @Path("/{slug}/verdict")
    @Operation(operationId = "getToolVerdict", summary = "The compact verdict badges render",
            description = "Carries a version that changes with every change it shows, sent as the ETag (`\"<version>\"`): "
                    + "send it back in If-None-Match to get 304 Not Modified.")
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerdictSnapshot.class),
            examples = @ExampleObject(name = "ship", value = """
                    {"slug":"smolvlm2-2b","name":"SmolVLM2-2B","tagline":"2B-parameter vision-language model that runs on your device, not theirs",
                     "decision":"SHIP","ships":3,"skips":1,"shipPercent":75,"meanScore":75.0,"reviewCount":4,
                     "community":{"state":"NO_VOTES","votes":0,"ships":0,"skips":0,"shipPercent":null,"label":"No community votes yet"},
                     "critics":[{"critic":{"slug":"builder","name":"Builder"},"score":88,"decision":"SHIP"}],"version":"1-mhx2k1c0"}""")))
    @APIResponse(responseCode = "400", description = "The slug is malformed")
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> verdict(@Parameter(example = "smolvlm2-2b") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        // The ETag is the version badge-service sends back (it caches verdicts by version); it changes whenever
        // these bytes do, and a version never contains a quote or a space.
        return catalog.verdictRepresentation(Params.slug("slug", slug)).map(verdict -> HttpCaching.answer(ifNoneMatch,
                verdict.bytes(), '"' + verdict.value().version() + '"', HttpCaching.JSON, HttpCaching.REVALIDATE));
    }

    @GET
    @Path("/{slug}/alternatives")
    @Operation(operationId = "listToolAlternatives", summary = "Tools to compare this one with",
            description = "Same category first, then the panel's favourites.")
    @APIResponse(responseCode = "200", description = "The alternatives, best first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ToolSummary.class)))
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> alternatives(@PathParam("slug") String slug,
            @Parameter(description = "How many, 1 to 20", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "20", defaultValue = "5"))
            @QueryParam("limit") String limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return catalog.alternatives(Params.slug("slug", slug), Params.intInRange("limit", limit, 1, 20, 5))
                .map(list -> HttpCaching.answer(ifNoneMatch, representations.of(list), HttpCaching.JSON));
    }

    @GET
    @Path("/{slug}/share")
    @Operation(operationId = "getToolShareText", summary = "Share text and review page link for a tool's verdict",
            description = "The text names the verdict and the panel's tally and ends with the review page's URL.")
    @APIResponse(responseCode = "200", description = "What a share button posts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareText.class),
            examples = @ExampleObject(name = "ship", value = """
                    {"text":"SmolVLM 2.5 verdict: SHIP 🚀 4 ships · 0 skips from the expert panel. Full review: https://shiporskip.example/tool/smolvlm-2-5",
                     "url":"https://shiporskip.example/tool/smolvlm-2-5"}""")))
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> share(@PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return catalog.share(Params.slug("slug", slug))
                .map(text -> HttpCaching.answer(ifNoneMatch, representations.of(text), HttpCaching.JSON));
    }
}
