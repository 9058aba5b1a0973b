package io.shiporskip.api.newsletter;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.shiporskip.api.platform.Params;
import io.shiporskip.api.platform.Tokens;

import io.shiporskip.api.config.ApiConfig.Api;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.LinkPages;
import io.shiporskip.api.platform.OpenApiContract;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Allowance;
import io.shiporskip.api.platform.WriteLimited;
import io.smallrye.mutiny.Uni;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/newsletter")
@Tag(name = "Newsletter", description = "Weekly digest sign-up: double opt-in and one-click unsubscribe")
public class NewsletterResource {

    public record SubscribeRequest(String email) {
    }

    public record TokenRequest(String token) {
    }

    public record NewsletterStatus(String status, String message) {
    }

    /** The one answer to every accepted sign-up, whatever the address's state. */
    static final NewsletterStatus ACCEPTED = new NewsletterStatus("pending",
            "If this address can receive mail, a confirmation link is on its way.");

    private final NewsletterService newsletter;
    private final Api urls;

    public NewsletterResource(NewsletterService newsletter, ApiConfig apiConfig) {
        Api urls = apiConfig.api();
        this.newsletter = newsletter;
        this.urls = urls;
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribeToNewsletter", summary = "Sign up for the weekly digest",
            description = "Always 202 with the same body, whether the address is new, pending or already confirmed; "
                    + "a confirmation mail with a single-use, expiring link is sent unless already confirmed.")
    @APIResponse(responseCode = "202", description = "Accepted (the same answer for every address)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewsletterStatus.class)))
    @APIResponse(responseCode = "400", description = "The e-mail address is missing or invalid")
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this client; see Retry-After")
    @WriteLimited(Allowance.NEWSLETTER_SIGN_UP)
    public Uni<Response> subscribe(SubscribeRequest body) {
        return newsletter.subscribe(body == null ? null : body.email())
                .map(ignored -> Response.accepted(ACCEPTED).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmNewsletter", summary = "Confirm a sign-up with the token from the confirmation mail",
            description = "JSON from an app, or the form the mailed page posts (text/html answer). A token works once "
                    + "and expires.")
    @APIResponse(responseCode = "200", description = "Confirmed: digests will be sent to this address", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewsletterStatus.class)))
    @APIResponse(responseCode = "400", description = "The token is invalid, expired or already used")
    public Uni<NewsletterStatus> confirm(TokenRequest body) {
        return newsletter.confirm(body == null ? null : body.token())
                .replaceWith(new NewsletterStatus("confirmed", "You will get the weekly digest."));
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "confirmNewsletterForm", summary = "Confirm from the page the confirmation mail links to (HTML form post)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "token", type = SchemaType.STRING))))
    @APIResponse(responseCode = "200", description = "Confirmed: an HTML page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is invalid, expired or already used: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    public Uni<Response> confirmForm(String form) {
        // The form is decoded here, not with @RestForm: Vert.x's form decoder never answers a body with a
        // malformed %-escape ("token=%zz"), so such a request hung until the client gave up.
        String token = Params.formField(form, "token");
        requireWellFormed(token);
        return newsletter.confirm(token).map(confirmed -> LinkPages.done("You're subscribed",
                "The weekly digest of new verdicts will arrive every Monday."));
    }

    @GET
    @Path("/confirm")
    @Produces(MediaType.TEXT_HTML)
    @APIResponse(responseCode = "200", description = "An HTML page with the confirm button", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is malformed: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    @Operation(operationId = "getNewsletterConfirmPage", summary = "The page the confirmation mail links to",
            description = "Shows a button; only its POST confirms, so a mail scanner fetching the link changes nothing.")
    public Response confirmPage(@Parameter(description = "The token from the mail", required = true,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @RestQuery String token) {
        requireWellFormed(token);
        return LinkPages.action("Confirm your subscription", "One click and the weekly digest of new verdicts comes "
                + "to this address every Monday.", urls.url("/api/newsletter/confirm"), token, "Yes, send me the weekly digest");
    }

    @POST
    @Path("/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribeFromNewsletter", summary = "One-click unsubscribe (RFC 8058)",
            description = "The URL of every digest's List-Unsubscribe header; no login. Repeating it answers the same.")
    @APIResponse(responseCode = "200", description = "Unsubscribed: an HTML page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is invalid: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    @RequestBody(required = false, description = "What mail clients send for a one-click unsubscribe (RFC 8058); "
            + "ignored: the token is the authority", content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = @SchemaProperty(name = "List-Unsubscribe",
                    type = SchemaType.STRING, enumeration = "One-Click"))))
    public Uni<Response> unsubscribe(@Parameter(description = "The token from the mail", required = true,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @RestQuery String token) {
        // The body (List-Unsubscribe=One-Click) carries nothing we need; the token in the URL is the authority.
        return newsletter.unsubscribe(token).map(done -> LinkPages.done("You're unsubscribed",
                "No more weekly digests will be sent to this address."));
    }

    @GET
    @Path("/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    @APIResponse(responseCode = "200", description = "An HTML page with the unsubscribe button", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The token is malformed: an HTML page saying so")
    @Extension(name = OpenApiContract.HTML_ERRORS, value = "true")
    @Operation(operationId = "getNewsletterUnsubscribePage", summary = "The unsubscribe link opened in a browser",
            description = "Shows a button that POSTs; a GET never unsubscribes, because mail scanners prefetch links.")
    public Response unsubscribePage(@Parameter(description = "The token from the mail", required = true,
            schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @RestQuery String token) {
        requireWellFormed(token);
        // The token is well-formed (URL-safe characters only), so it goes into the query as it is.
        return LinkPages.action("Unsubscribe from the weekly digest", "One click and no more weekly digests are sent "
                + "to this address.", urls.url("/api/newsletter/unsubscribe?token=" + token), null, "Unsubscribe");
    }


    private static void requireWellFormed(String token) {
        if (!Tokens.wellFormed(token)) {
            throw ApiProblem.badParameter("token", "is invalid, expired or already used");
        }
    }
}
