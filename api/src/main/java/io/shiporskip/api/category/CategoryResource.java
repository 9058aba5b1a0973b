package io.shiporskip.api.category;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "Categories and how many tools each holds")
public class CategoryResource {

    @GET
    @WithSession
    @Operation(operationId = "listCategories", summary = "Every category with the number of tools in it, alphabetically",
            description = "Use a name as the category filter of GET /api/tools.")
    public Uni<List<CategoryCount>> list() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT category, count(*) FROM catalog.tool GROUP BY category ORDER BY category",
                        Object[].class)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new CategoryCount((String) row[0], ((Number) row[1]).longValue())).toList());
    }
}
