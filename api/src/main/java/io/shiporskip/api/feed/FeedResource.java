package io.shiporskip.api.feed;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import io.shiporskip.api.config.ApiConfig.Api;
import io.shiporskip.api.config.ApiConfig.Site;
import io.shiporskip.api.config.ApiConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictWording;
import io.shiporskip.api.tool.entity.Tool;
import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/verdicts")
@Tag(name = "Feeds", description = "The newest verdicts for feed readers")
public class FeedResource {

    static final String TITLE = "Ship or Skip: new verdicts";
    static final String DESCRIPTION = "AI tools reviewed by a panel of critics: ship or skip.";
    /** Readers poll often; five minutes at a cache, then a cheap revalidation. */
    private static final String CACHE = "public, max-age=300";

    private final FeedService feeds;
    private final Api urls;
    private final Site site;
    private final ObjectMapper json;

    public FeedResource(FeedService feeds, ApiConfig apiConfig, ObjectMapper json) {
        Api urls = apiConfig.api();
        Site site = apiConfig.site();
        this.feeds = feeds;
        this.urls = urls;
        this.site = site;
        this.json = json;
    }

    @GET
    @Path("/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    @Operation(operationId = "getVerdictFeedAtom", summary = "Atom 1.0 feed of the newest verdicts",
            description = "Newest first, at most 50. Send ETag back in If-None-Match (or Last-Modified in "
                    + "If-Modified-Since) to get 304 Not Modified.")
    @Parameter(name = HttpHeaders.IF_MODIFIED_SINCE, in = ParameterIn.HEADER,
            description = "The Last-Modified of the feed you hold", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The feed", headers = {
            @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            @Header(name = HttpHeaders.LAST_MODIFIED, ref = HttpHeaders.LAST_MODIFIED)},
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged", headers = {
            @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            @Header(name = HttpHeaders.LAST_MODIFIED, ref = HttpHeaders.LAST_MODIFIED)})
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> atom(Request request, @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return feeds.newest().map(tools -> {
            List<FeedEntry> entries = entries(tools);
            Instant updated = lastModified(entries);
            String body = AtomFeed.render(urls.url("/api/verdicts/feed.atom"), site.baseUrl(), updated, entries);
            return conditional(request, ifNoneMatch, body, AtomFeed.MEDIA_TYPE, updated);
        });
    }

    @GET
    @Path("/feed.json")
    @Produces(JsonFeed.MEDIA_TYPE)
    @Operation(operationId = "getVerdictFeedJson", summary = "JSON Feed 1.1 of the newest verdicts",
            description = "Newest first, at most 50; ETag and Last-Modified as for the Atom feed.")
    @Parameter(name = HttpHeaders.IF_MODIFIED_SINCE, in = ParameterIn.HEADER,
            description = "The Last-Modified of the feed you hold", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The feed", headers = {
            @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            @Header(name = HttpHeaders.LAST_MODIFIED, ref = HttpHeaders.LAST_MODIFIED)},
            content = @Content(mediaType = JsonFeed.MEDIA_TYPE, schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "304", description = "Unchanged", headers = {
            @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            @Header(name = HttpHeaders.LAST_MODIFIED, ref = HttpHeaders.LAST_MODIFIED)})
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> jsonFeed(Request request, @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return feeds.newest().map(tools -> {
            List<FeedEntry> entries = entries(tools);
            JsonFeed feed = new JsonFeed(JsonFeed.VERSION, TITLE, site.baseUrl(),
                    urls.url("/api/verdicts/feed.json"), DESCRIPTION, "en", List.of(new JsonFeed.Author("Ship or Skip")),
                    entries.stream().map(e -> new JsonFeed.Item(e.id(), e.url(), e.title(), e.summary(),
                            e.title() + ". " + e.summary(), AtomFeed.time(e.published()), AtomFeed.time(e.updated()),
                            List.of(e.category()))).toList());
            try {
                return conditional(request, ifNoneMatch, json.writeValueAsString(feed), JsonFeed.MEDIA_TYPE, lastModified(entries));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a feed of records always serialises", e);
            }
        });
    }

    private List<FeedEntry> entries(List<Tool> tools) {
        return tools.stream().map(tool -> {
            String url = site.reviewPageUrl(tool.slug);
            // Feed readers show these as they are: the same cleaning as badges (no bidi overrides, no zero-width).
            return new FeedEntry(url, url, Markup.clean(tool.name) + ": " + tool.panelDecision + ", "
                    + VerdictWording.split(tool.panelShips, tool.panelSkips),
                    Markup.clean(tool.tagline), Markup.clean(tool.category), tool.createdAt.toInstant(),
                    tool.updatedAt.toInstant());
        }).toList();
    }

    /** HTTP dates have whole seconds; anything finer would make every If-Modified-Since look stale. */
    private static Instant lastModified(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(Instant.EPOCH)
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The ETag is a hash of the bytes, so it changes exactly when the document does. If-None-Match is compared as for
     * every read ({@link HttpCaching}); If-Modified-Since counts only without it (RFC 9110 §13.2.2).
     */
    private static Response conditional(Request request, String ifNoneMatch, String body, String mediaType,
            Instant lastModified) {
        String tag = HttpCaching.etag(body);
        Date modified = Date.from(lastModified);
        boolean unchanged = ifNoneMatch != null ? HttpCaching.matches(ifNoneMatch, tag)
                : request.evaluatePreconditions(modified) != null;
        Response.ResponseBuilder response = unchanged ? Response.notModified() : Response.ok(body, mediaType);
        return HttpCaching.headers(response, tag, CACHE).lastModified(modified).build();
    }
}
