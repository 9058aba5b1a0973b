package io.shiporskip.api.tool.rest;

import io.shiporskip.api.config.ApiConfig.Limit;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.TokenClaims;
import io.shiporskip.api.tool.service.VoteService;
import io.shiporskip.api.tool.entity.Vote;

import io.shiporskip.api.tool.service.VoteService.VoteRequest;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.Quota;
import io.shiporskip.api.platform.RateLimiter;
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
@Tag(name = "Community votes")
public class VoteResource {

    private final VoteService votes;
    private final RateLimiter limiter;
    private final Limit limits;

    public VoteResource(VoteService votes, RateLimiter limiter, ApiConfig apiConfig) {
        Limit limits = apiConfig.limit();
        this.votes = votes;
        this.limiter = limiter;
        this.limits = limits;
    }

    @PUT
    @Path("/{slug}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vote SHIP or SKIP on a tool; a second vote replaces the first",
            description = "Answers with the tool's community summary after the vote.")
    public Uni<Response> vote(@Context SecurityContext security, @PathParam("slug") String slug,
            @Valid @NotNull VoteRequest body) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        Quota quota = limiter.consume(limits.writeLimit(), "account:" + id);
        return votes.vote(id, tool, ReviewDecision.valueOf(body.decision()))
                .map(view -> quota.addHeaders(Response.ok(view)).build());
    }

    @DELETE
    @Path("/{slug}/vote")
    @Operation(summary = "Withdraw the reader's vote (idempotent)",
            description = "Answers with the tool's community summary after the withdrawal.")
    public Uni<Response> unvote(@Context SecurityContext security, @PathParam("slug") String slug) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        Quota quota = limiter.consume(limits.writeLimit(), "account:" + id);
        return votes.unvote(id, tool).map(view -> quota.addHeaders(Response.ok(view)).build());
    }
}
