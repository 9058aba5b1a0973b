package io.shiporskip.api.account.rest;

import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.account.service.AccountRequests.PasswordChange;
import io.shiporskip.api.account.service.LoginThrottle;
import io.shiporskip.api.account.service.PasswordHasher;
import io.shiporskip.api.account.service.PasswordRule;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.shiporskip.api.account.service.VerificationMail;
import jakarta.ws.rs.POST;
import io.shiporskip.model.TokenClaims;
import io.shiporskip.api.account.entity.Bookmark;
import io.shiporskip.api.account.service.AccountService;
import io.shiporskip.api.account.service.AccountView;
import io.shiporskip.api.account.service.BookmarkService;

import io.shiporskip.api.account.service.BookmarkService.BookmarkView;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.platform.Caller;
import io.shiporskip.api.platform.Page;
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
@RolesAllowed(TokenClaims.READER)
@Tag(name = "Accounts", description = "Sign-up, sign-in and the signed-in reader")
public class MeResource {

    private final AccountService accounts;
    private final BookmarkService readers;

    private final VerificationMail mail;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public MeResource(AccountService accounts, BookmarkService readers, VerificationMail mail, PasswordHasher hasher,
            LoginThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.mail = mail;
        this.accounts = accounts;
        this.readers = readers;
    }

    @GET
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "getMe", summary = "The signed-in account: e-mail, display name, roles and the tools it is a maker of")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Uni<AccountView> me(@Context SecurityContext security) {
        return accounts.me(Caller.accountId(security));
    }

    @POST
    @Path("/verification-mail")
    @APIResponse(responseCode = "202", description = "A mail is on its way, unless the address is already confirmed")
    @WriteLimited
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "resendVerificationMail", summary = "Send a new link that confirms the account's e-mail address",
            description = "202 whether or not a mail was needed: an already confirmed address gets none.")
    public Uni<Response> resendVerification(@Context SecurityContext security) {
        long id = Caller.accountId(security);
        return accounts.renewVerification(id)
                .call(renewed -> renewed == null ? Uni.createFrom().voidItem()
                        : mail.send(renewed.email(), renewed.token()))
                .map(renewed -> Response.accepted().build());
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "changePassword", summary = "Change the signed-in account's password",
            description = "The new password follows the sign-up rules. Every token issued before the change is refused "
                    + "from then on, this one included: sign in again. A wrong current password spends a sign-in guess "
                    + "of this account from this client, like a failed sign-in.")
    @APIResponse(responseCode = "204", description = "The password is changed")
    @APIResponse(responseCode = "400", description = "A field is missing, or the new password is too weak; the problem names it")
    @APIResponse(responseCode = "403", description = "The current password is wrong (or the request comes from a browser "
            + "origin that is not allowed)")
    @APIResponse(responseCode = "429", description = "Too many wrong current passwords for this account from this client")
    public Uni<Response> changePassword(@Context SecurityContext security, @Valid @NotNull PasswordChange body,
            @Context HttpServerRequest request) {
        long id = Caller.accountId(security);
        return accounts.passwordHolder(id).chain(holder -> throttle.reserve(holder.email(), RateLimiter.clientKey(request))
                .chain(guess -> hasher.matches(body.currentPassword(), holder.passwordHash()).chain(right -> {
                    if (!right) {
                        return Uni.createFrom().failure(new ApiProblem(403, "Forbidden",
                                "The current password is wrong", null));
                    }
                    PasswordRule.check("newPassword", body.newPassword(), holder.email(), holder.displayName());
                    return throttle.succeeded(guess).chain(() -> hasher.hash(body.newPassword()));
                }))
                .chain(hash -> accounts.changePassword(id, hash)))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/bookmarks")
    @APIResponse(responseCode = "200", description = "One page of bookmarks")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "listBookmarks", summary = "The reader's bookmarked tools, newest first",
            description = "Keyset-paginated: pass nextCursor as cursor for the next page (null on the last page).")
    public Uni<Page<BookmarkView>> bookmarks(@Context SecurityContext security,
            @Parameter(description = "The nextCursor of the previous page (opaque)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit) {
        return readers.bookmarks(Caller.accountId(security), cursor == null || cursor.isEmpty() ? null : cursor,
                Params.intInRange("limit", limit, 1, 100, 20));
    }

    @PUT
    @Path("/bookmarks/{slug}")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "addBookmark", summary = "Bookmark a tool (idempotent)")
    @APIResponse(responseCode = "204", description = "The tool is bookmarked")
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @WriteLimited
    public Uni<Response> bookmark(@Context SecurityContext security, @PathParam("slug") String slug) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        return readers.bookmark(id, tool).map(v -> Response.noContent().build());
    }

    @DELETE
    @Path("/bookmarks/{slug}")
    @Extension(name = OpenApiContract.ROLE, value = TokenClaims.READER)
    @Operation(operationId = "removeBookmark", summary = "Remove a bookmark (idempotent)")
    @APIResponse(responseCode = "204", description = "The tool is not bookmarked (any more)")
    @APIResponse(responseCode = "404", description = "No tool has this slug")
    @WriteLimited
    public Uni<Response> unbookmark(@Context SecurityContext security, @PathParam("slug") String slug) {
        long id = Caller.accountId(security);
        String tool = Params.slug("slug", slug);
        return readers.unbookmark(id, tool).map(v -> Response.noContent().build());
    }
}
