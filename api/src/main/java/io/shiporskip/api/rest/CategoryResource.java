package io.shiporskip.api.rest;

import io.shiporskip.api.service.CatalogService;
import io.shiporskip.model.CategoryCount;
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
@Tag(name = "Categories")
public class CategoryResource {

    private final CatalogService catalog;

    public CategoryResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Every category with the number of tools in it, alphabetically")
    public Uni<List<CategoryCount>> list() {
        return catalog.categories();
    }
}
