package io.shiporskip.api.account.rest;

import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.api.platform.Representations;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import io.shiporskip.api.platform.RateLimiter;
import jakarta.ws.rs.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.shiporskip.api.account.service.JwtKeys;
import io.shiporskip.api.account.service.LoginThrottle;
import io.shiporskip.api.account.service.PasswordHasher;
import io.shiporskip.api.account.service.TokenService;

import io.shiporskip.api.account.service.AccountRequests.SignIn;
import io.shiporskip.api.account.service.AccountRequests.PasswordReset;
import io.shiporskip.api.account.service.AccountRequests.PasswordResetRequest;
import io.shiporskip.api.account.service.AccountLinks;
import io.shiporskip.api.account.service.DeviceTokens;
import io.shiporskip.api.account.service.PasswordRule;
import io.shiporskip.api.account.service.RecoveryMail;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Allowance;
import io.shiporskip.api.platform.LinkPages;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.WriteLimited;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestQuery;
import io.shiporskip.api.account.service.AccountService;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.account.service.TokenService.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-up, sign-in and the signed-in reader")
public class AuthResource {

    private final Representations representations;

    /** The JWK Set's shape, for the document: the keys are RFC 7517 JSON objects. */
    @Schema(name = "JwkSet")
    record JwkSet(@Schema(required = true) List<Map<String, Object>> keys) {
    }

    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final JwtKeys keys;
    private final DeviceTokens devices;
    private final RecoveryMail mail;
    private final ApiConfig.Api urls;

    public AuthResource(AccountService accounts, PasswordHasher hasher, TokenService tokens, LoginThrottle throttle,
            JwtKeys keys, Representations representations, DeviceTokens devices, RecoveryMail mail, ApiConfig config) {
        this.devices = devices;
        this.mail = mail;
        this.urls = config.api();
        this.representations = representations;
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.keys = keys;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in: exchange e-mail and password for a short-lived bearer token (RS256 JWT)",
            description = "The token carries sub (account id), iat, groups (reader, maker, admin) and tools (slugs the "
                    + "account is a maker of). A token issued before the account's last password reset or change is "
                    + "refused. The answer's deviceToken (also set as the device_token cookie, for browsers) marks this "
                    + "browser or app as one that signed in to the account: sent back with the next sign-in (JSON field "
                    + "or cookie), that sign-in's failures are limited per device and never by the account-wide ceiling "
                    + "strangers can spend (OWASP device cookies).")
    @APIResponse(responseCode = "200", description = "The token, and this device's token",
            headers = @Header(name = "Set-Cookie", description = "device_token=…; Path=/api/auth; Max-Age=…; Secure; "
                    + "HttpOnly; SameSite=Strict", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccessToken.class), examples = @ExampleObject(name = "token", value = """
                    {"accessToken":"eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJzdWIiOiI0MiIsImdyb3VwcyI6WyJyZWFkZXIiXX0.c2ln",
                     "tokenType":"Bearer","expiresIn":3600,"deviceToken":"kq3Xw0cV2mHf6yJ8aN1pT4sR7uB9dE5gL0oC2iZ6xYw"}""")))
    @APIResponse(responseCode = "400", description = "The e-mail or password is missing or malformed")
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password (the same answer for both)")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins: from this device (with a valid device "
            + "token), or else for this e-mail from this client, from this client overall, or for this e-mail from "
            + "everywhere")
    public Uni<Response> token(@Valid @NotNull SignIn body, @Context HttpServerRequest request,
            @Parameter(description = "The device token of an earlier sign-in (browsers; API clients send deviceToken)")
            @CookieParam(DeviceTokens.COOKIE) String deviceCookie) {
        String email = Emails.normalise("email", body.email());
        String device = body.deviceToken() != null && !body.deviceToken().isEmpty() ? body.deviceToken() : deviceCookie;
        return devices.trusted(device, email).chain(trusted -> (trusted ? throttle.reserveForDevice(device)
                        : throttle.reserve(email, RateLimiter.clientKey(request)))
                .chain(guess -> accounts.credentials(email)
                        .chain(found -> hasher.matches(body.password(), found == null ? null : found.passwordHash())
                                .map(ok -> ok ? found : null))
                        .chain(found -> {
                            if (found == null) {
                                throw wrongCredentials();
                            }
                            return throttle.succeeded(guess)
                                    .chain(() -> trusted ? Uni.createFrom().item(device) : devices.issue(found.id()))
                                    .map(deviceToken -> Response.ok(tokens.issue(found.id(), found.admin(), found.tools(),
                                                    found.tokensValidAfter(), deviceToken))
                                            .cookie(deviceCookie(deviceToken))
                                            .cacheControl(CacheControl.valueOf("no-store"))
                                            .build());
                        })));
    }

    private NewCookie deviceCookie(String deviceToken) {
        return new NewCookie.Builder(DeviceTokens.COOKIE).value(deviceToken).path("/api/auth")
                .maxAge((int) devices.ttl().toSeconds()).secure(true).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    @POST
    @Path("/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestPasswordReset", summary = "Mail a password-reset link to an account's address",
            description = "202 whatever the address: a single-use link that expires (shiporskip.accounts.reset-ttl, an "
                    + "hour by default) is mailed only when an account has it, and only within the address's mail cap "
                    + "(shiporskip.accounts.mails-per-address, 5 an hour by default), so the answer tells nobody "
                    + "whether the address has an account.")
    @APIResponse(responseCode = "202", description = "Accepted (the same answer for every address)")
    @APIResponse(responseCode = "400", description = "The e-mail is missing or malformed")
    @WriteLimited(Allowance.PASSWORD_RESET)
    public Uni<Response> requestPasswordReset(@Valid @NotNull PasswordResetRequest body) {
        String email = Emails.normalise("email", body.email());
        return accounts.requestReset(email)
                .call(recovery -> recovery == null ? Uni.createFrom().voidItem() : mail.reset(recovery))
                .map(ignored -> Response.accepted().header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @POST
    @Path("/password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resetPassword", summary = "Set a new password with the token of the mailed reset link",
            description = "The password follows the sign-up rules (10 to 200 characters, zxcvbn score 3 or more). The "
                    + "link works once; following it proves the address, and every token issued before it is refused "
                    + "from then on (sign in again). An account that had not proved its address is taken over: what its "
                    + "earlier holder left (bookmarks, devices, links) goes.")
    @APIResponse(responseCode = "204", description = "The password is set")
    @APIResponse(responseCode = "400", description = "The token is invalid, used or expired, or the password is too "
            + "weak; the problem names the field")
    public Uni<Response> resetPassword(@Valid @NotNull PasswordReset body) {
        return reset(body.token(), body.password()).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/password-reset/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "resetPasswordForm", summary = "Set a new password from the page the reset mail links to (HTML form post)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT,
            properties = {@SchemaProperty(name = "token", type = SchemaType.STRING),
                    @SchemaProperty(name = "password", type = SchemaType.STRING)})))
    @APIResponse(responseCode = "200", description = "The password is set: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is invalid, used or expired, or the password too weak: "
            + "an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    public Uni<Response> resetPasswordForm(String form) {
        String password = Params.formField(form, "password");
        if (password == null || password.length() < 10 || password.length() > 200) {
            throw ApiProblem.badParameter("password", "must be 10 to 200 characters");
        }
        return reset(Params.formField(form, "token"), password).map(ignored -> LinkPages.done("Password changed",
                "Your new password is set and your address is confirmed. Sign in with it; every earlier sign-in has "
                        + "ended."));
    }

    @GET
    @Path("/password-reset/confirm")
    @Produces(MediaType.TEXT_HTML)
    @APIResponse(responseCode = "200", description = "An HTML page with the new-password form",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The link is malformed, used or expired: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    @Operation(operationId = "getPasswordResetPage", summary = "The page the password-reset mail links to",
            description = "Says which account (display name, created date) and what setting a password does; only the "
                    + "form's POST changes anything, so a mail scanner fetching the link changes nothing.")
    public Uni<Response> resetPage(@Parameter(description = "The token from the mail", required = true,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @RestQuery String token) {
        return accounts.linkSubject(token, AccountLinks.Purpose.RESET).map(subject -> LinkPages.passwordForm(
                "Choose a new password", "This sets a new password for the Ship or Skip account \"" + subject.displayName()
                        + "\" (" + subject.email() + "), created on " + RecoveryMail.DATE.format(subject.createdAt())
                        + ". It also confirms the address" + (subject.proved() ? "" : " (the account never confirmed it: "
                        + "bookmarks and devices of whoever created it go)") + ", and signs out every browser and app "
                        + "signed in to the account until now.",
                urls.url("/api/auth/password-reset/confirm"), token, "Set my new password"));
    }

    /** The password checked against the account it is for, hashed, then set by the link (once). */
    private Uni<Void> reset(String token, String password) {
        return accounts.linkSubject(token, AccountLinks.Purpose.RESET)
                .invoke(subject -> PasswordRule.check(password, subject.email(), subject.displayName()))
                .chain(subject -> hasher.hash(password))
                .chain(hash -> accounts.resetPassword(token, hash));
    }

    @GET
    @Path("/jwks.json")
    @Operation(operationId = "getJwks", summary = "The public key tokens are verified with, as a JWK Set (for badge-service)",
            description = "RFC 7517 JWK Set of the RS256 key that signs access tokens; cacheable for five minutes.")
    @APIResponse(responseCode = "200", description = "The JWK Set (RFC 7517)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JwkSet.class)))
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Response jwks(@HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        Representation<?> jwks = representations.of(keys.jwks());
        return HttpCaching.answer(ifNoneMatch, jwks.bytes(), jwks.etag(), HttpCaching.JSON, "public, max-age=300");
    }

    /** One answer for an unknown e-mail and a wrong password, so sign-in does not reveal who has an account. */
    static ApiProblem wrongCredentials() {
        return new ApiProblem(401, "Unauthorized", "The e-mail or password is wrong", null);
    }
}
