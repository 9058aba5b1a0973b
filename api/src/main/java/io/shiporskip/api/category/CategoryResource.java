package io.shiporskip.api.category;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.tool.service.ToolReadCache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "Categories and how many tools each holds")
public class CategoryResource {

    /** Counts kept by a trigger on tool (V11__catalog_at_size.sql): 25 rows read, however many tools there are. */
    public static final String CATEGORIES_SQL =
            "SELECT name, tool_count FROM catalog.category WHERE tool_count > 0 ORDER BY name, key";

    private final ToolReadCache cache;

    public CategoryResource(ToolReadCache cache) {
        this.cache = cache;
    }

    @GET
    @Operation(operationId = "listCategories", summary = "Every category with the number of tools in it, alphabetically",
            description = "Use a name as the category filter of GET /api/tools.")
    @APIResponse(responseCode = "200", description = "The categories", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryCount.class)))
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        // Counts change with any tool's category: cached beside the list pages and dropped with them.
        return cache.catalogWide("categories", this::load)
                .map(categories -> HttpCaching.answer(ifNoneMatch, categories, HttpCaching.JSON));
    }

    @WithSession
    Uni<List<CategoryCount>> load() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(CATEGORIES_SQL,
                        Object[].class)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new CategoryCount((String) row[0], ((Number) row[1]).longValue())).toList());
    }
}
