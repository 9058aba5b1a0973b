package io.shiporskip.api.rest;

import io.shiporskip.api.service.CatalogService;
import io.shiporskip.model.Critic;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/critics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Critics", description = "The review panel")
public class CriticResource {

    private final CatalogService catalog;

    public CriticResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The panel's critics, in panel order, each with the lens they review through")
    public Uni<List<Critic>> list() {
        return catalog.critics();
    }
}
