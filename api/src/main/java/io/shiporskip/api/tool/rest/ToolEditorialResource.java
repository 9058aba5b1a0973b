package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.OpenApiContract;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jakarta.ws.rs.core.HttpHeaders;
import io.shiporskip.api.tool.mapping.ReviewView;
import io.shiporskip.model.TokenClaims;
import io.shiporskip.api.tool.service.EditorialService;

import io.shiporskip.api.tool.service.EditorialRequests.NewTool;
import io.shiporskip.api.tool.service.EditorialRequests.ReviewRequest;
import io.shiporskip.api.tool.service.EditorialRequests.ToolPatch;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.platform.Caller;
import io.shiporskip.api.tool.service.ToolService;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import io.shiporskip.api.config.ApiConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editors' routes on tools (admin role). The catalog's read routes on the same path are in ToolResource. */
@Path("/api/tools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TokenClaims.ADMIN)
@Tag(name = "Editorial", description = "Editors (admin role) maintain tools, critics, reviews and makers")
public class ToolEditorialResource {

    private final EditorialService editorial;
    private final ToolService catalog;
    private final ApiConfig.Api urls;

    public ToolEditorialResource(EditorialService editorial, ToolService catalog, ApiConfig config) {
        this.editorial = editorial;
        this.catalog = catalog;
        this.urls = config.api();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "createTool", summary = "Create a tool (no reviews yet: verdict NONE)",
            description = "slug is optional and derived from the name when absent.")
    @APIResponse(responseCode = "201", description = "The new tool, as GET /api/tools/{slug} shows it", headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ToolDetail.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; the problem names it")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @WriteLimited
    public Uni<Response> create(@Context SecurityContext security, @Valid @NotNull NewTool body) {
        return editorial.createTool(body).chain(catalog::detail).map(detail ->
                // From the configured public URL: a relative one would be resolved against the request's Host.
                Response.created(URI.create(urls.url("/api/tools/" + detail.slug()))).entity(detail).build());
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "updateTool", summary = "Change a tool's fields (only those sent; the slug never changes)")
    @APIResponse(responseCode = "200", description = "The tool after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ToolDetail.class)))
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @WriteLimited
    public Uni<Response> update(@Context SecurityContext security, @PathParam("slug") String slug,
            @Valid @NotNull ToolPatch body) {
        String tool = Params.slug("slug", slug);
        return editorial.updateTool(tool, body).chain(catalog::detail)
                .map(detail -> Response.ok(detail).build());
    }

    @PUT
    @Path("/{slug}/reviews/{critic}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "putReview",
            summary = "Create or replace a critic's review of a tool; the panel verdict is re-derived")
    @APIResponse(responseCode = "201", description = "The review, created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "200", description = "The review, replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No tool or no critic has this slug")
    @WriteLimited
    public Uni<Response> putReview(@Context SecurityContext security, @PathParam("slug") String slug,
            @PathParam("critic") String critic, @Valid @NotNull ReviewRequest body) {
        String tool = Params.slug("slug", slug);
        String criticSlug = Params.slug("critic", critic);
        return editorial.putReview(tool, criticSlug, body).map(outcome ->
                Response.status(outcome.created() ? 201 : 200).entity(outcome.review()).build());
    }

    @DELETE
    @Path("/{slug}/reviews/{critic}")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "deleteReview", summary = "Delete a critic's review of a tool; the panel verdict is re-derived")
    @APIResponse(responseCode = "204", description = "Deleted (or there was none)")
    @APIResponse(responseCode = "404", description = "No tool or no critic has this slug")
    @WriteLimited
    public Uni<Response> deleteReview(@Context SecurityContext security, @PathParam("slug") String slug,
            @PathParam("critic") String critic) {
        String tool = Params.slug("slug", slug);
        String criticSlug = Params.slug("critic", critic);
        return editorial.deleteReview(tool, criticSlug).map(v -> Response.noContent().build());
    }

    @PUT
    @Path("/{slug}/makers/{email}")
    @APIResponse(responseCode = "204", description = "The account is a maker of the tool")
    @APIResponse(responseCode = "404", description = "No tool has this slug, or no account has this e-mail")
    @APIResponse(responseCode = "409", description = "The account has not proved its e-mail address yet")
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "grantMaker", summary = "Make an account a maker of this tool (idempotent)",
            description = "Takes effect in the account's next token (the tools claim).")
    public Uni<Response> grantMaker(@Context SecurityContext security, @PathParam("slug") String slug,
            @PathParam("email") String email) {
        String tool = Params.slug("slug", slug);
        String account = Emails.normalise("email", email);
        return editorial.grantMaker(tool, account, Caller.accountId(security)).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("/{slug}/makers/{email}")
    @APIResponse(responseCode = "204", description = "The account is no maker of the tool")
    @APIResponse(responseCode = "404", description = "No tool has this slug, or no account has this e-mail")
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.ADMIN)
    @Operation(operationId = "revokeMaker", summary = "Revoke an account's maker ownership of this tool (idempotent)",
            description = "Tokens already issued keep the old tools claim until they expire.")
    public Uni<Response> revokeMaker(@Context SecurityContext security, @PathParam("slug") String slug,
            @PathParam("email") String email) {
        String tool = Params.slug("slug", slug);
        String account = Emails.normalise("email", email);
        return editorial.revokeMaker(tool, account, Caller.accountId(security)).map(v -> Response.noContent().build());
    }
}
