package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.OpenApiContract;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.shiporskip.api.tool.service.VoteService.VoteView;
import io.shiporskip.model.TokenClaims;
import io.shiporskip.api.tool.service.VoteService;
import io.shiporskip.api.tool.entity.Vote;

import io.shiporskip.api.tool.service.VoteService.VoteRequest;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.platform.Caller;
import io.shiporskip.model.ReviewDecision;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Community votes; the same path as the catalog's tool routes, kept apart so reads and writes stay readable. */
@Path("/api/tools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TokenClaims.READER)
@Tag(name = "Community votes", description = "Readers' SHIP or SKIP votes on a tool")
public class VoteResource {

    private static final String UNPROVED = "The account has not confirmed its e-mail address (the problem says how: "
            + "follow the mailed link, or ask for a new one with POST /api/me/verification-mail), or the token lacks "
            + "the reader role, or the browser origin is not allowed (CORS)";

    private final VoteService votes;

    public VoteResource(VoteService votes) {
        this.votes = votes;
    }

    @PUT
    @Path("/{slug}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "voteOnTool", summary = "Vote SHIP or SKIP on a tool; a second vote replaces the first",
            description = "Answers with the reader's vote and the tool's community summary after it. Only accounts "
                    + "that confirmed their e-mail address vote (issue 20): others get a 403 problem and nothing is "
                    + "counted.")
    @APIResponse(responseCode = "200", description = "The vote and the community summary after it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteView.class),
            examples = @ExampleObject(name = "voted", value = """
                    {"tool":{"slug":"smolvlm2","name":"SmolVLM2"},"decision":"SHIP",
                     "community":{"state":"VOTED","votes":1,"ships":1,"skips":0,"shipPercent":100,"label":"100% ship · 1 vote"}}""")))
    @APIResponse(responseCode = "403", description = UNPROVED)
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @WriteLimited
    public Uni<Response> vote(@Context SecurityContext security, @PathParam("slug") String slug,
            @Valid @NotNull VoteRequest body) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        return votes.vote(id, tool, ReviewDecision.valueOf(body.decision()))
                .map(view -> Response.ok(view).build());
    }

    @DELETE
    @Path("/{slug}/vote")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "withdrawVote", summary = "Withdraw the reader's vote (idempotent)",
            description = "Answers with the tool's community summary after the withdrawal; decision is null. Like a "
                    + "vote, refused (403) for an account that has not confirmed its e-mail address.")
    @APIResponse(responseCode = "200", description = "No vote any more (decision null), and the community summary after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteView.class)))
    @APIResponse(responseCode = "403", description = UNPROVED)
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @WriteLimited
    public Uni<Response> unvote(@Context SecurityContext security, @PathParam("slug") String slug) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        return votes.unvote(id, tool).map(view -> Response.ok(view).build());
    }
}
