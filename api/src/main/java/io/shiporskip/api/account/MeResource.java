package io.shiporskip.api.account;

import io.shiporskip.api.account.ReaderService.BookmarkView;
import io.shiporskip.api.input.Params;
import io.shiporskip.api.ratelimit.Quota;
import io.shiporskip.api.ratelimit.RateLimiter;
import io.shiporskip.api.security.AccountLimitsConfig;
import io.shiporskip.api.security.Caller;
import io.shiporskip.api.security.Roles;
import io.shiporskip.model.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
@Tag(name = "Accounts", description = "Sign-up, sign-in and the signed-in reader")
public class MeResource {

    private final AccountService accounts;
    private final ReaderService readers;
    private final RateLimiter limiter;
    private final AccountLimitsConfig limits;

    public MeResource(AccountService accounts, ReaderService readers, RateLimiter limiter, AccountLimitsConfig limits) {
        this.accounts = accounts;
        this.readers = readers;
        this.limiter = limiter;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "The signed-in account: e-mail, display name, roles and the tools it is a maker of")
    public Uni<AccountView> me(@Context SecurityContext security) {
        return accounts.me(Caller.accountId(security));
    }

    @GET
    @Path("/bookmarks")
    @Operation(summary = "The reader's bookmarked tools, newest first",
            description = "Keyset-paginated: pass nextCursor as cursor for the next page (null on the last page).")
    public Uni<Page<BookmarkView>> bookmarks(@Context SecurityContext security, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return readers.bookmarks(Caller.accountId(security), cursor == null || cursor.isEmpty() ? null : cursor,
                Params.intInRange("limit", limit, 1, 100, 20));
    }

    @PUT
    @Path("/bookmarks/{slug}")
    @Operation(summary = "Bookmark a tool (idempotent)")
    public Uni<Response> bookmark(@Context SecurityContext security, @PathParam("slug") String slug) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        Quota quota = limiter.consume(limits.writeLimit(), "account:" + id);
        return readers.bookmark(id, tool).map(v -> quota.addHeaders(Response.noContent()).build());
    }

    @DELETE
    @Path("/bookmarks/{slug}")
    @Operation(summary = "Remove a bookmark (idempotent)")
    public Uni<Response> unbookmark(@Context SecurityContext security, @PathParam("slug") String slug) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        Quota quota = limiter.consume(limits.writeLimit(), "account:" + id);
        return readers.unbookmark(id, tool).map(v -> quota.addHeaders(Response.noContent()).build());
    }
}
