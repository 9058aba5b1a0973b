package io.shiporskip.api.page;

import io.shiporskip.api.platform.Params;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;
import io.shiporskip.api.comparison.ComparisonService;
import io.shiporskip.api.critic.CriticService;
import io.shiporskip.api.newsletter.NewsletterService;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.RateLimitExceeded;
import io.shiporskip.api.platform.Allowance;
import io.shiporskip.api.platform.WriteLimited;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.api.tool.service.ToolService;
import io.shiporskip.model.ProblemDetail.FieldError;
import io.shiporskip.model.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The pages people land on: a tool's review page (where every badge click ends), the sign-up form on it, and
 * side-by-side comparisons. Server-rendered HTML, no JavaScript. Errors on these routes are HTML pages too, never
 * problem+json: the mappers below apply to this class only and take precedence over the platform's.
 */
@Path("/")
@Tag(name = "Pages", description = "Server-rendered HTML for people: review pages and comparisons")
public class PageResource {

    static final String HTML = "text/html;charset=UTF-8";
    static final int ALTERNATIVES = 5;
    static final int MIN_TOOLS = 2;
    static final int MAX_TOOLS = 4;

    private final ToolService tools;
    private final ComparisonService comparisons;
    private final CriticService critics;
    private final NewsletterService newsletter;
    private final PageLinks links;
    private final String contentSecurityPolicy;

    public PageResource(ToolService tools, ComparisonService comparisons, CriticService critics,
            NewsletterService newsletter, PageLinks links) {
        this.tools = tools;
        this.comparisons = comparisons;
        this.critics = critics;
        this.newsletter = newsletter;
        this.links = links;
        // Nothing runs or loads except our own stylesheet and badge-service's badge and widget (the live preview);
        // forms post only here; the pages may not be framed by anyone.
        this.contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' " + links.badgeOrigin()
                + "; frame-src " + links.badgeOrigin() + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    @GET
    @Path("/tool/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getToolPage", summary = "A tool's review page (HTML)", description = "Name, vendor, tagline and description; the "
            + "panel's verdict, ship percentage and mean score; every critic's score, call and review; community "
            + "votes; share text; links to compare with alternatives; embed codes with a live preview; a newsletter "
            + "sign-up form. Where badge clicks land.")
    @APIResponse(responseCode = "200", description = "The review page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No tool with this slug, or a malformed slug: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> tool(@Parameter(description = "The tool's slug", example = "smolvlm2") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        requireSlug(slug);
        // One after another: the services share the request's reactive session, which allows one query at a time.
        return tools.detail(slug)
                .chain(detail -> critics.panel()
                        .chain(panel -> tools.alternatives(slug, ALTERNATIVES)
                                .chain(alternatives -> tools.share(slug)
                                        .map(share -> ToolPage.of(detail, panel, alternatives, share, links)))))
                .map(page -> conditional(PageTemplates.tool(page.meta(), page), ifNoneMatch));
    }

    @POST
    @Path("/tool/{slug}/subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "subscribeFromToolPage", summary = "Sign up for the weekly digest from a review page (HTML form post)",
            description = "The review page's plain HTML form (field `email`). Answers a \"check your inbox\" page, "
                    + "the same whether the address is new, pending or already confirmed; the confirmation mail is the "
                    + "one POST /api/newsletter/subscriptions sends, under the same rate limits.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "email", type = SchemaType.STRING, maxLength = 320,
                            description = "An e-mail address; surrounding spaces are trimmed")})))
    @APIResponse(responseCode = "200", description = "\"Check your inbox\" page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The address is missing or invalid: the form again, with the error",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No tool with this slug, or a malformed slug: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this client: an HTML page; see Retry-After",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @WriteLimited(Allowance.NEWSLETTER_SIGN_UP)
    public Uni<Response> subscribe(@Parameter(description = "The tool's slug", example = "smolvlm2") @PathParam("slug") String slug,
            String form) {
        requireSlug(slug);
        // A malformed field is Params' 400 naming it, which problem(...) shows as the form page again.
        String email = Params.formField(form, "email");
        String typed = email == null ? null : email.trim();
        return tools.detail(slug).chain(tool -> newsletter.subscribe(email)
                .map(ignored -> {
                    // The address passed validation to get here; the answer is the same whatever its state.
                    MessagePage page = MessagePage.of("Check your inbox", "If " + typed + " can receive mail, a "
                                    + "confirmation link is on its way. Open it to get the weekly verdicts; nothing is "
                                    + "sent until you do.")
                            .back(PageLinks.toolPath(tool.slug()), "Back to the " + tool.name() + " review");
                    return page(200, PageTemplates.message(page.meta(), page))
                            .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
                })
                .onFailure(e -> e instanceof ApiProblem p && p.status() == 400)
                .recoverWithItem(e -> formAgain(tool, typed, ((ApiProblem) e).errors())));
    }

    /** The sign-up form again, with what was typed and what is wrong with it. */
    private Response formAgain(ToolDetail tool, String typed, List<FieldError> errors) {
        String error = errors == null || errors.isEmpty() ? "Enter a valid e-mail address."
                : "Email address " + errors.get(0).message() + ".";
        String shown = typed == null || typed.length() > 320 ? null : typed;
        MessagePage page = MessagePage.of("Check your e-mail address",
                        "We could not sign you up: the address needs another look.")
                .back(PageLinks.toolPath(tool.slug()), "Back to the " + tool.name() + " review")
                .withForm(SubscribeForm.empty(tool.slug()).withError(shown, error));
        return page(400, PageTemplates.message(page.meta(), page)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/compare")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getComparePage", summary = "Tools side by side (HTML)", description = "2 to 4 tools in the order given: a card per tool, "
            + "the decision table (panel verdict, community, pricing, best for, category) and the reviewer scorecard.")
    @APIResponse(responseCode = "200", description = "The comparison page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Fewer than 2 or more than 4 tools, or one named twice: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "A tool that does not exist, or a malformed slug: an HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> compare(@Parameter(description = "Comma-separated slugs, 2 to 4", required = true,
            example = "gemini-2-5-flash-lite,smolvlm2") @QueryParam("tools") String tools,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        List<String> slugs = slugs(tools);
        return comparisons.compare(slugs)
                .map(comparison -> ComparePage.of(comparison, links))
                .map(page -> conditional(PageTemplates.compare(page.meta(), page), ifNoneMatch));
    }

    /** Anything else under /tool is not a page either: the same HTML 404 rather than the API's problem+json. */
    @GET
    @Path("/tool{rest: (/.*)?}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response noPageUnderTool() {
        throw ApiProblem.notFound("no such page");
    }

    /** The sign-up route takes form posts; opened as a link it is no page (HTML 404, not the API's 405). */
    @GET
    @Path("/tool/{slug}/subscribe")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response noSubscribePage() {
        throw ApiProblem.notFound("no such page");
    }

    // ---- errors on these routes: HTML pages ----

    @ServerExceptionMapper
    public Response problem(ApiProblem problem) {
        MessagePage page = switch (problem.status()) {
            case 404 -> notFound();
            case 429 -> MessagePage.of("Too many requests", "That was a lot of requests in a short time. Please wait "
                    + "a moment and try again.");
            case 400 -> MessagePage.of("We could not read that request", problem.getMessage() + ".");
            default -> MessagePage.of("Something went wrong", "This request could not be answered.");
        };
        Response.ResponseBuilder response = page(problem.status(), PageTemplates.message(page.meta(), page))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem instanceof RateLimitExceeded limited) {
            limited.quota().addHeaders(response).header(HttpHeaders.RETRY_AFTER, limited.quota().resetSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        int status = e instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        if (status == 404) {
            return problem(ApiProblem.notFound("not found"));
        }
        if (status >= 500) {
            Log.errorf(e, "page request failed");
        }
        MessagePage page = status >= 500
                ? MessagePage.of("Something went wrong", "This page could not be shown just now. Please try again shortly.")
                : MessagePage.of("We could not read that request", "This request could not be answered.");
        return page(status, PageTemplates.message(page.meta(), page)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static MessagePage notFound() {
        return MessagePage.of("Page not found", "We have no review or comparison at this address. The tool may have "
                + "been renamed, or the link may be mistyped.");
    }

    /** A page with its ETag (a hash of the HTML), or 304 without a body when If-None-Match names it. */
    private Response conditional(TemplateInstance template, String ifNoneMatch) {
        String html = template.render();
        String etag = HttpCaching.etag(html);
        Response.ResponseBuilder response = HttpCaching.matches(ifNoneMatch, etag) ? Response.notModified()
                : page(200, html);
        return HttpCaching.headers(response, etag, HttpCaching.REVALIDATE).build();
    }

    private Response.ResponseBuilder page(int status, TemplateInstance template) {
        return page(status, template.render());
    }

    private Response.ResponseBuilder page(int status, String html) {
        return Response.status(status)
                .type(HTML)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .entity(html);
    }

    /** A malformed slug cannot name a tool: the same 404 page as an unknown one. */
    private static void requireSlug(String slug) {
        if (!Slugs.isValid(slug)) {
            throw ApiProblem.notFound("malformed slug");
        }
    }

    /** "a,b[,c[,d]]": distinct valid slugs; malformed ones are a 404 (no such page), wrong counts a 400. */
    static List<String> slugs(String tools) {
        if (tools == null || tools.isBlank()) {
            throw ApiProblem.badParameter("tools", "name " + MIN_TOOLS + " to " + MAX_TOOLS + " tools to compare");
        }
        if (tools.length() > (MAX_TOOLS + 1) * (Slugs.MAX_LENGTH + 1)) {
            throw ApiProblem.badParameter("tools", "is too long");
        }
        String[] parts = tools.split(",", -1);
        if (parts.length < MIN_TOOLS || parts.length > MAX_TOOLS) {
            throw ApiProblem.badParameter("tools", "compare " + MIN_TOOLS + " to " + MAX_TOOLS + " tools, got " + parts.length);
        }
        List<String> slugs = new ArrayList<>();
        for (String part : parts) {
            String slug = part.trim();
            requireSlug(slug);
            if (slugs.contains(slug)) {
                throw ApiProblem.badParameter("tools", "names the same tool twice");
            }
            slugs.add(slug);
        }
        return slugs;
    }
}
