package io.shiporskip.api.account.rest;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import io.shiporskip.api.account.service.AccountRequests.NewAccount;
import io.shiporskip.api.account.service.AccountService;
import io.shiporskip.api.account.service.AccountLinks;
import io.shiporskip.api.account.service.RecoveryMail;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.account.service.AccountView;
import io.shiporskip.api.account.service.EmailVerification;
import io.shiporskip.api.account.service.PasswordHasher;
import io.shiporskip.api.account.service.PasswordRule;
import io.shiporskip.api.account.service.VerificationMail;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Emails;
import io.shiporskip.api.platform.LinkPages;
import io.shiporskip.api.platform.OpenApiContract;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.Allowance;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.platform.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-up, sign-in and the signed-in reader")
public class AccountResource {

    /** The answer to a confirmed address. */
    public record Verified(String email, boolean emailVerified) {
    }

    public record VerificationRequest(String token) {
    }

    private final AccountService accounts;
    private final PasswordHasher hasher;
    private final ApiConfig.Api urls;
    private final EmailVerification verification;
    private final VerificationMail mail;
    private final RecoveryMail recoveryMail;

    public AccountResource(AccountService accounts, PasswordHasher hasher, ApiConfig config,
            EmailVerification verification, VerificationMail mail, RecoveryMail recoveryMail) {
        this.recoveryMail = recoveryMail;
        this.accounts = accounts;
        this.hasher = hasher;
        this.urls = config.api();
        this.verification = verification;
        this.mail = mail;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Create a reader account", description = "The e-mail is trimmed and lower-cased and must be "
            + "unused; the password (10 to 200 characters, not common or trivial: zxcvbn score 3 or more) is stored as a "
            + "bcrypt hash and never returned. A mail with a "
            + "single-use link proves the address (emailVerified); maker rights need a proved address.")
    @APIResponse(responseCode = "201", description = "The new account; Location is GET /api/me", headers = @Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class),
                    examples = @ExampleObject(name = "reader", value = """
                            {"id":42,"email":"ada@example.com","displayName":"Ada","emailVerified":false,
                             "roles":["reader"],"tools":[],"createdAt":"2026-11-30T09:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; the problem names it")
    @APIResponse(responseCode = "409", description = "An account with this e-mail exists. When that account never "
            + "proved the address (within its link's lifetime), the address is mailed a link that gives it to this "
            + "sign-up (its password and display name): whoever reads that mailbox wins the address.")
    @APIResponse(responseCode = "429", description = "Too many accounts created from this address")
    @WriteLimited(Allowance.SIGN_UP)
    public Uni<Response> create(@Valid @NotNull NewAccount body) {
        String email = Emails.normalise("email", body.email());
        PasswordRule.check(body.password(), email, body.displayName());
        return hasher.hash(body.password())
                .chain(hash -> accounts.create(email, body.displayName().trim(), hash))
                .chain(signUp -> signUp.collision() != null
                        ? recoveryMail.claim(signUp.collision())
                                .chain(() -> Uni.createFrom().<AccountService.Created>failure(
                                        ApiProblem.conflict(AccountService.HELD_BY_UNPROVED)))
                        : mail.send(email, signUp.created().verificationToken()).replaceWith(signUp.created()))
                // Location from the configured public URL, never from the request's Host header.
                .map(created -> Response.created(URI.create(urls.url("/api/me")))
                        .entity(created.account()).build());
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAccountEmail",
            summary = "Confirm an account's e-mail address with the token from the mailed link",
            description = "JSON from an app, or the form the mailed page posts (text/html answer). A token works once "
                    + "and expires; maker rights need a confirmed address.")
    @APIResponse(responseCode = "200", description = "The address is confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verified.class)))
    @APIResponse(responseCode = "400", description = "The token is invalid, used or expired")
    public Uni<Verified> verify(VerificationRequest body) {
        return verification.verify(body == null ? null : body.token()).map(email -> new Verified(email, true));
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "verifyAccountEmailForm", summary = "Confirm from the page the mail links to (HTML form post)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "token", type = SchemaType.STRING))))
    @APIResponse(responseCode = "200", description = "The address is confirmed: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is invalid, used or expired: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    public Uni<Response> verifyForm(String form) {
        return verification.verify(Params.formField(form, "token")).map(email -> LinkPages.done("Address confirmed",
                email + " is confirmed. You can close this page."));
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.TEXT_HTML)
    @APIResponse(responseCode = "200", description = "An HTML page with the confirm button",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is malformed: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    @Operation(operationId = "getAccountVerificationPage", summary = "The page the verification mail links to",
            description = "Shows a button; only its POST confirms, so a mail scanner fetching the link changes nothing.")
    public Response verifyPage(@Parameter(description = "The token from the mail", required = true,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @RestQuery String token) {
        if (!Tokens.wellFormed(token)) {
            throw io.shiporskip.api.platform.ApiProblem.badParameter("token", "is not a verification token");
        }
        return LinkPages.action("Confirm your address", "One click confirms that this address belongs to your Ship or "
                + "Skip account.", urls.url("/api/accounts/verification"), token, "Yes, this is my address");
    }

    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "claimAccountAddress",
            summary = "Take an address held by an unproved account, with the token from the mailed claim link",
            description = "The mail goes to the address when someone signs up with it while an account that never "
                    + "proved it holds it. Following it gives that account to the later sign-up: its password and "
                    + "display name, the address proved, and every token, device and bookmark of the earlier holder "
                    + "gone. The token works once and expires.")
    @APIResponse(responseCode = "200", description = "The address is proved and the account is the later sign-up's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verified.class)))
    @APIResponse(responseCode = "400", description = "The token is invalid, used or expired")
    public Uni<Verified> claim(VerificationRequest body) {
        return accounts.claim(body == null ? null : body.token()).map(email -> new Verified(email, true));
    }

    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "claimAccountAddressForm", summary = "Take the address from the page the claim mail links to (HTML form post)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "token", type = SchemaType.STRING))))
    @APIResponse(responseCode = "200", description = "The address is yours: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is invalid, used or expired: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    public Uni<Response> claimForm(String form) {
        return accounts.claim(Params.formField(form, "token")).map(email -> LinkPages.done("The address is yours",
                email + " is confirmed and its account is yours: sign in with the password you chose when you signed "
                        + "up. Whoever created the earlier account is signed out and can no longer sign in."));
    }

    @GET
    @Path("/claim")
    @Produces(MediaType.TEXT_HTML)
    @APIResponse(responseCode = "200", description = "An HTML page saying which account holds the address and what taking it does, with the button",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The link is malformed, used or expired: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    @Operation(operationId = "getAccountClaimPage", summary = "The page the claim mail links to",
            description = "Shows a button; only its POST changes anything, so a mail scanner fetching the link changes nothing.")
    public Uni<Response> claimPage(@Parameter(description = "The token from the mail", required = true,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @RestQuery String token) {
        return accounts.linkSubject(token, AccountLinks.Purpose.CLAIM).map(subject -> LinkPages.action(
                "Take your address back", "The Ship or Skip account \"" + subject.displayName() + "\", created on "
                        + RecoveryMail.DATE.format(subject.createdAt()) + ", holds " + subject.email() + " but never "
                        + "confirmed it. Taking the address gives that account to your sign-up as \"" + subject.newName()
                        + "\": it gets the password you chose when you signed up, the address counts as confirmed, and "
                        + "whoever created \"" + subject.displayName() + "\" is signed out everywhere and can no longer "
                        + "sign in; their bookmarks go.",
                urls.url("/api/accounts/claim"), token, "Yes, this is my address: take it"));
    }
}
