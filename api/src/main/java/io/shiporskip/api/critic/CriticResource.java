package io.shiporskip.api.critic;

import io.shiporskip.api.platform.OpenApiContract;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.shiporskip.api.critic.CriticService.NewCritic;
import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.model.TokenClaims;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/critics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Critics", description = "The review panel")
public class CriticResource {

    private final CriticService critics;

    public CriticResource(CriticService critics) {
        this.critics = critics;
    }

    @GET
    @Operation(operationId = "listCritics", summary = "The panel's critics, in panel order, each with the lens they review through",
            description = "The order is the order of every review list and scorecard.")
    @APIResponse(responseCode = "200", description = "The panel, in order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CriticView.class)))
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return critics.panelRepresentation()
                .map(panel -> HttpCaching.answer(ifNoneMatch, panel, HttpCaching.JSON));
    }

    @POST
    @RolesAllowed(TokenClaims.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Editorial", description = "Editors (admin role) maintain tools, critics, reviews and makers")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "createCritic", summary = "Add a critic to the panel", description = "slug is derived "
            + "from the name when absent; without a position the critic joins the end of the panel.")
    @APIResponse(responseCode = "201", description = "The new critic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriticView.class)))
    @APIResponse(responseCode = "409", description = "A critic with this slug exists")
    @WriteLimited
    public Uni<Response> create(@Valid @NotNull NewCritic body) {
        return critics.create(body).map(critic -> Response.status(201).entity(critic).build());
    }
}
