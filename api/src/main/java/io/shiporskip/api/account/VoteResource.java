package io.shiporskip.api.account;

import io.shiporskip.api.account.AccountRequests.VoteRequest;
import io.shiporskip.api.input.Params;
import io.shiporskip.api.ratelimit.Quota;
import io.shiporskip.api.ratelimit.RateLimiter;
import io.shiporskip.api.security.AccountLimitsConfig;
import io.shiporskip.api.security.Caller;
import io.shiporskip.api.security.Roles;
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
@RolesAllowed(Roles.READER)
@Tag(name = "Community votes")
public class VoteResource {

    private final ReaderService readers;
    private final RateLimiter limiter;
    private final AccountLimitsConfig limits;

    public VoteResource(ReaderService readers, RateLimiter limiter, AccountLimitsConfig limits) {
        this.readers = readers;
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
        return readers.vote(id, tool, ReviewDecision.valueOf(body.decision()))
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
        return readers.unvote(id, tool).map(view -> quota.addHeaders(Response.ok(view)).build());
    }
}
