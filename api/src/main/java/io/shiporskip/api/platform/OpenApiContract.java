package io.shiporskip.api.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shiporskip.model.ProblemDetail;
import io.shiporskip.model.Slugs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The rules the api's OpenAPI document follows everywhere, applied once here instead of on every operation (the
 * contract tests validate every test response against the result; docs/CONTRACT.md explains each rule):
 * <ul>
 * <li>every error a JSON route can answer is documented with the problem schema ({@code application/problem+json}):
 * 400 where it takes input, 401 and 403 where it needs a token, 404 where its path names something, 406, 413 and
 * 415 where they can happen, 429 with {@code Retry-After} and {@code RateLimit-*} where it is rate-limited;</li>
 * <li>security is a plain bearer JWT: the roles SmallRye writes as scopes move into the operation's description,
 * and public operations say {@code security: []};</li>
 * <li>a response body is exactly what the api writes: every property is required, and the ones that can be
 * {@code null} say so (shared-model's records carry no OpenAPI annotations, so theirs are listed here);</li>
 * <li>every conditional GET ({@link #CONDITIONAL}) takes If-None-Match, answers 304 without a body, and sends ETag,
 * Cache-Control and Vary on 200 and 304 ({@link HttpCaching});</li>
 * <li>every tag is declared with a description, in a stable order.</li>
 * </ul>
 * Only the document changes; no request is handled differently.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    /**
     * Operations marked with this extension are rate-limited: 429 and the RateLimit-* headers on success. Routes do not
     * set it by hand: {@link WriteLimited} both limits a route and marks its operation (see {@link #OpenApiContract(IndexView)}).
     */
    public static final String RATE_LIMITED = "x-rate-limited";

    /**
     * Operations marked with this extension are pages a mailed link opens: their errors are HTML pages
     * ({@link LinkPages}), except what is refused before the page is reached (CORS, Accept, size, content type).
     */
    public static final String HTML_ERRORS = "x-html-errors";

    /**
     * On an operation guarded by {@code @RolesAllowed}: the role it needs. Quarkus adds the bearer requirement after
     * this filter runs and writes no roles for an http bearer scheme, so the role is stated here, once per operation.
     */
    public static final String ROLE = "x-required-role";

    /**
     * On a GET answered through {@link HttpCaching}: If-None-Match, the 304, and the ETag, Cache-Control and Vary
     * headers are documented here, once, the same way for every such operation.
     */
    public static final String CONDITIONAL = "x-conditional";

    /**
     * What {@code @NotBlank} (String.isBlank: Character.isWhitespace) means, in ECMA-262: at least one character that
     * is not Java whitespace. SmallRye writes {@code \S}, which in JavaScript also refuses NBSP and U+2007/U+202F
     * (not whitespace to Java) and accepts U+001C..U+001F (whitespace to Java).
     */
    static final String NOT_BLANK = "[^\\t\\n\\x0B\\f\\r\\x1C-\\x20\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    private static final String PROBLEM = "ProblemDetail";
    private static final String SCHEME = "bearerAuth";

    /** shared-model's records: the properties that are null in some state, and why. */
    private static final Map<String, List<String>> NULLABLE = Map.of(
            "PanelVerdict", List.of("shipPercent", "meanScore"), // no reviews yet
            "VerdictSnapshot", List.of("shipPercent", "meanScore"), // no reviews yet
            "CommunitySummary", List.of("shipPercent"), // no votes yet
            "VoteView", List.of("decision"), // the vote was withdrawn
            "Claim", List.of("decidedAt", "provedBy"), // still open; not approved
            "QueuedClaim", List.of("decidedAt", "provedBy"));

    /** shared-model's references, described once: one shape per concept wherever a response refers to it. */
    private static final Map<String, String> DESCRIBED = Map.of(
            "CriticRef", "A critic wherever a response refers to one: its slug and display name",
            "ToolRef", "A tool wherever a response refers to one (a vote, a claim, a comparison cell, an account's "
                    + "tools): its slug and display name. A list that shows tools for display (bookmarks) carries the "
                    + "ToolSummary instead, which has the same `slug` and `name` beside the verdict");

    /** Arrays whose items can be null: a comparison's scorecard has a null cell where a critic has not reviewed. */
    private static final Map<String, String> NULLABLE_ITEMS = Map.of("ComparisonScorecardRow", "cells");

    /** Records written with {@code @JsonInclude(NON_NULL)}: these properties are left out instead of null. */
    private static final Map<String, Set<String>> OMITTED_WHEN_NULL = Map.of(
            PROBLEM, Set.of("detail", "instance", "errors"),
            "JsonFeed", Set.of("home_page_url", "feed_url", "description", "language", "authors"),
            "JsonFeedItem", Set.of("url", "title", "summary", "content_text", "date_published", "date_modified", "tags"));

    /** Tags in the order a reader meets them, each with what it holds. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("Tools", "Reviewed AI tools and their panel verdicts");
        TAGS.put("Comparisons", "Tools side by side");
        TAGS.put("Critics", "The review panel");
        TAGS.put("Categories", "Categories and how many tools each holds");
        TAGS.put("Accounts", "Sign-up, sign-in and the signed-in reader");
        TAGS.put("Community votes", "Readers' SHIP or SKIP votes on a tool");
        TAGS.put("Editorial", "Editors (admin role) maintain tools, critics, reviews and makers");
        TAGS.put("Tool claims", "Makers claim a tool and prove it by publishing a token on its website");
        TAGS.put("Admin", "Editors (admin role) review makers' claims");
        TAGS.put("Live updates", "Server-Sent Events of verdict and community changes");
        TAGS.put("Newsletter", "Weekly digest sign-up: double opt-in and one-click unsubscribe");
        TAGS.put("Digest", "The weekly digest of new verdicts");
        TAGS.put("Feeds", "The newest verdicts for feed readers");
        TAGS.put("Pages", "Server-rendered HTML for people: review pages and comparisons");
    }

    /** "METHOD /path" of every {@link WriteLimited} resource method: the same annotation that limits a route documents it. */
    private final Set<String> writeLimited;

    /** SmallRye hands a build-time filter the application's index when it has a constructor that takes one. */
    public OpenApiContract(IndexView index) {
        this.writeLimited = writeLimitedRoutes(index);
    }

    public OpenApiContract() {
        this.writeLimited = Set.of();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addHeaders(components);
        Set<String> responseSchemas = new HashSet<>();
        Set<String> requestSchemas = new HashSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(OpenApiContract::headTwin);
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                    Operation operation = entry.getValue();
                    if (writeLimited.contains(entry.getKey() + " " + path.getKey())) {
                        operation.addExtension(RATE_LIMITED, "true");
                    }
                    security(operation);
                    pathParameters(operation);
                    if (operation.getOperationId() == null) {
                        operation.setOperationId(operationId(entry.getKey(), path.getKey()));
                    }
                    if (path.getKey().startsWith("/api/")) {
                        errors(path.getKey(), entry.getKey(), operation);
                    } else {
                        // HTML pages answer their own errors as pages; a refused origin and failed content
                        // negotiation are answered before the page's code runs, as problems.
                        addIfMissing(operation, "403", "The request comes from a browser origin that is not allowed (CORS)");
                        addIfMissing(operation, "406", "The Accept header allows no HTML");
                        addIfMissing(operation, "503", "The database is unavailable for a moment; try again after the "
                                + "seconds `Retry-After` gives");
                        problemContent(operation.getResponses().getAPIResponse("403"));
                        problemContent(operation.getResponses().getAPIResponse("406"));
                        problemContent(operation.getResponses().getAPIResponse("503"));
                        header(operation.getResponses().getAPIResponse("503"), "Retry-After");
                        if (rateLimited(operation)) {
                            // A page answers its 429 as a page; the headers are the same as on the JSON routes.
                            addIfMissing(operation, "429", "Too many requests: an HTML page; wait the seconds `Retry-After` gives");
                            operation.getResponses().getAPIResponses().forEach((status, answer) -> {
                                if (status.equals("429")) {
                                    header(answer, "Retry-After");
                                    rateLimitHeaders(answer);
                                } else if (status.startsWith("2")) {
                                    rateLimitHeaders(answer);
                                }
                            });
                        }
                    }
                    conditional(operation);
                    if (entry.getKey() == PathItem.HttpMethod.HEAD) {
                        operation.getResponses().getAPIResponses().values().forEach(answer -> answer.setContent(null));
                    }
                    collectRefs(operation, responseSchemas, requestSchemas, components);
                    dropMarkers(operation);
                }
            }
        }
        Set<String> before = components.getSchemas() == null ? Set.of() : new HashSet<>(components.getSchemas().keySet());
        schemas(components, responseSchemas, requestSchemas);
        dropInlinedEnums(openAPI, components, before);
        tags(openAPI);
    }

    /**
     * Quarkus REST answers HEAD on every GET (GET's status and headers, no body), so the document says so: a HEAD
     * operation beside each GET, with GET's parameters, statuses and markers (role, conditional, HTML errors); the loop
     * then documents it like any operation, and drops every body. The id is GET's with {@code head} for {@code get}
     * ({@code getTool} → {@code headTool}), or {@code head} + GET's capitalised ({@code listTools} → {@code headListTools}).
     */
    private static void headTwin(PathItem item) {
        Operation get = item.getGET();
        if (get == null || item.getHEAD() != null) {
            return;
        }
        Operation head = OASFactory.createOperation()
                .summary(get.getSummary() == null ? null : get.getSummary() + ": headers only (HEAD)")
                .description("What GET answers, without a body: the same status and headers"
                        + (get.getDescription() == null || get.getDescription().isBlank() ? "." : ". " + get.getDescription()))
                .tags(get.getTags() == null ? null : new ArrayList<>(get.getTags()))
                .parameters(get.getParameters() == null ? null : new ArrayList<>(get.getParameters()))
                .extensions(get.getExtensions() == null ? null : new LinkedHashMap<>(get.getExtensions()))
                .security(get.getSecurity() == null ? null : new ArrayList<>(get.getSecurity()));
        String id = get.getOperationId();
        if (id != null) {
            head.setOperationId(id.startsWith("get") && id.length() > 3 && Character.isUpperCase(id.charAt(3))
                    ? "head" + id.substring(3) : "head" + Character.toUpperCase(id.charAt(0)) + id.substring(1));
        }
        org.eclipse.microprofile.openapi.models.responses.APIResponses responses = OASFactory.createAPIResponses();
        get.getResponses().getAPIResponses().forEach((status, answer) -> {
            APIResponse copy = OASFactory.createAPIResponse().description(answer.getDescription());
            if (answer.getHeaders() != null) {
                copy.setHeaders(new LinkedHashMap<>(answer.getHeaders()));
            }
            responses.addAPIResponse(status, copy);
        });
        head.setResponses(responses);
        item.setHEAD(head);
    }

    /**
     * An enum copied in place for every property that uses it (nullable) is referenced nowhere any more: its
     * component goes, so linters see no unused schema. Only enums are dropped; nothing else is touched.
     */
    private static void dropInlinedEnums(OpenAPI openAPI, Components components, Set<String> candidates) {
        if (components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getParameters() != null) {
                item.getParameters().forEach(parameter -> reachable(parameter.getSchema(), used, components));
            }
            for (Operation operation : item.getOperations().values()) {
                collectRefs(operation, used, used, components);
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> reachable(parameter.getSchema(), used, components));
                }
            }
        }
        if (components.getParameters() != null) {
            components.getParameters().values().forEach(parameter -> reachable(parameter.getSchema(), used, components));
        }
        for (Schema schema : components.getSchemas().values()) {
            reachable(schema, used, components);
        }
        for (String name : candidates) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getEnumeration() != null && !used.contains(name)) {
                components.removeSchema(name);
            }
        }
    }

    // ---- security ----

    /**
     * A bearer scheme has no scopes: the role goes into the description. Public operations say {@code security: []}
     * (Quarkus replaces it with the bearer requirement on every {@code @RolesAllowed} operation).
     */
    private static void security(Operation operation) {
        String role = role(operation);
        if (role == null) {
            if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                operation.setSecurity(new ArrayList<>());
            }
            return;
        }
        SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(SCHEME);
        operation.setSecurity(new ArrayList<>(List.of(bearer)));
        String needs = "Requires a bearer token whose `groups` claim contains `" + role + "`.";
        String description = operation.getDescription();
        if (description == null || !description.contains(needs)) {
            operation.setDescription(description == null || description.isBlank() ? needs : description + "\n\n" + needs);
        }
    }

    private static String role(Operation operation) {
        Object role = operation.getExtensions() == null ? null : operation.getExtensions().get(ROLE);
        return role == null ? null : role.toString();
    }

    // ---- operation ids ----

    /**
     * For an operation without {@code @Operation(operationId = ...)}: the method and the path's literal segments in
     * camelCase ("GET /api/verdicts/events" → "getVerdictsEvents"). Stable as long as the route is.
     */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.startsWith("{")) {
                continue;
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    // ---- parameters ----

    /** Path parameters get the rule the api checks them with (Params.slug, Emails.normalise). */
    private static void pathParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.PATH) {
                continue;
            }
            switch (parameter.getName()) {
                case "slug", "critic" -> parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .pattern(Slugs.PATTERN).maxLength(Slugs.MAX_LENGTH));
                case "email" -> parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("email").maxLength(254));
                default -> {
                }
            }
            if (parameter.getDescription() == null) {
                parameter.setDescription(switch (parameter.getName()) {
                    case "slug" -> "The tool's slug: lower-case letters, digits and single hyphens";
                    case "critic" -> "The critic's slug";
                    case "email" -> "The account's e-mail address";
                    default -> null;
                });
            }
        }
    }

    // ---- errors ----

    private static void errors(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = role(operation) != null;
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean pathParameters = path.contains("{");
        boolean body = operation.getRequestBody() != null;
        boolean rateLimited = rateLimited(operation);
        boolean htmlErrors = operation.getExtensions() != null && operation.getExtensions().containsKey(HTML_ERRORS);

        if (input) {
            addIfMissing(operation, "400", "A parameter or field is missing or invalid; the problem names it in `errors`");
        }
        if (secured) {
            addIfMissing(operation, "401", "No bearer token, or one that is expired, forged or from another issuer");
            addIfMissing(operation, "403", "The token's `groups` lack the role this operation needs, or the request "
                    + "comes from a browser origin that is not allowed (CORS)");
        } else {
            addIfMissing(operation, "403", "The request comes from a browser origin that is not allowed (CORS)");
        }
        if (pathParameters) {
            addIfMissing(operation, "404", "Nothing has this identifier");
        }
        addIfMissing(operation, "406", "The Accept header allows none of the media types this operation answers with");
        if (body) {
            addIfMissing(operation, "413", "The request body is larger than 64 KiB");
            addIfMissing(operation, "415", "The Content-Type is not one this operation reads");
        }
        if (rateLimited) {
            addIfMissing(operation, "429", "Too many requests; wait the seconds `Retry-After` gives");
        }
        addIfMissing(operation, "503", "The database is unavailable for a moment (a restart, say); try again after the "
                + "seconds `Retry-After` gives");
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            int status = Integer.parseInt(response.getKey());
            APIResponse answer = response.getValue();
            if (status >= 400) {
                problemContent(answer);
                if (htmlErrors && (status == 400 || status == 404 || status == 429 || status == 503)) {
                    htmlContent(answer);
                }
            }
            if (status == 401) {
                header(answer, "WWW-Authenticate");
            }
            if (status == 429) {
                header(answer, "Retry-After");
                rateLimitHeaders(answer);
            }
            if (status == 503) {
                header(answer, "Retry-After");
            }
            if (rateLimited && status >= 200 && status < 300) {
                rateLimitHeaders(answer);
            }
        }
        // Stable order: successes, then errors by status.
        Map<String, APIResponse> sorted = new TreeMap<>(operation.getResponses().getAPIResponses());
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(sorted));
    }

    private static boolean rateLimited(Operation operation) {
        return operation.getExtensions() != null && operation.getExtensions().containsKey(RATE_LIMITED);
    }

    /**
     * Every resource method carrying {@link WriteLimited}, as "METHOD /path" (the class's and the method's
     * {@code @Path} joined, as SmallRye writes the document's paths).
     */
    static Set<String> writeLimitedRoutes(IndexView index) {
        Set<String> routes = new HashSet<>();
        for (AnnotationInstance marked : index.getAnnotations(DotName.createSimple(WriteLimited.class.getName()))) {
            if (marked.target().kind() == AnnotationTarget.Kind.CLASS
                    && marked.target().asClass().hasDeclaredAnnotation(DotName.createSimple("jakarta.interceptor.Interceptor"))) {
                continue; // the interceptor's own binding
            }
            if (marked.target().kind() != AnnotationTarget.Kind.METHOD) {
                throw new IllegalStateException("@WriteLimited belongs on resource methods: " + marked.target());
            }
            MethodInfo method = marked.target().asMethod();
            String verb = null;
            for (String candidate : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + candidate))) {
                    verb = candidate;
                }
            }
            if (verb == null) {
                throw new IllegalStateException("@WriteLimited on a method that is no route: " + method);
            }
            routes.add(verb + " " + join(pathOf(method.declaringClass().declaredAnnotation(PATH)),
                    pathOf(method.declaredAnnotation(PATH))));
        }
        return routes;
    }

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");

    private static String pathOf(AnnotationInstance path) {
        return path == null ? "" : path.value().asString();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** SmallRye copies a method's @Extension onto its responses too; the markers are read, then dropped everywhere. */
    private static void dropMarkers(Operation operation) {
        for (String marker : List.of(ROLE, RATE_LIMITED, HTML_ERRORS, CONDITIONAL)) {
            operation.removeExtension(marker);
            operation.getResponses().removeExtension(marker);
            operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(marker));
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().removeExtension(marker);
            }
        }
    }

    // ---- conditional GETs ----

    private static void conditional(Operation operation) {
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(CONDITIONAL)) {
            return;
        }
        boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!documented) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("ETags of representations you hold (a list, `W/` tags and `*` allowed, compared "
                            + "weakly): 304 Not Modified if one is current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        addIfMissing(operation, "304", "Not Modified: the ETag sent in If-None-Match is current; no body");
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getKey().equals("200") || response.getKey().equals("304")) {
                header(response.getValue(), "ETag");
                header(response.getValue(), "Cache-Control");
                header(response.getValue(), "Vary");
            }
        }
        Map<String, APIResponse> sorted = new TreeMap<>(operation.getResponses().getAPIResponses());
        operation.getResponses().setAPIResponses(new LinkedHashMap<>(sorted));
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void problemContent(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        // Errors are problem+json whatever the operation produces on success (HTML routes included).
        for (String type : new ArrayList<>(content.getMediaTypes().keySet())) {
            if (!type.equals(ProblemDetail.MEDIA_TYPE)) {
                content.removeMediaType(type);
            }
        }
        if (!content.hasMediaType(ProblemDetail.MEDIA_TYPE)) {
            content.addMediaType(ProblemDetail.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM)));
        }
    }

    /**
     * An error a mailed link's page answers as a page ({@link LinkPages}) beside the problem: the JSON variant of
     * the same path and method (merged into one operation by the document) still answers problem+json.
     */
    private static void htmlContent(APIResponse response) {
        response.getContent().addMediaType("text/html", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    private static void rateLimitHeaders(APIResponse response) {
        header(response, "RateLimit-Limit");
        header(response, "RateLimit-Remaining");
        header(response, "RateLimit-Reset");
    }

    static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
        }
    }

    private static void addHeaders(Components components) {
        define(components, "ETag", "The representation's version; send it back in If-None-Match to get 304", true,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        define(components, "Cache-Control", "How caches may keep the answer: `no-cache` (revalidate with If-None-Match "
                + "before each use) unless the operation says otherwise", true,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        define(components, "Vary", "`Accept-Encoding, Origin`: request headers a cache must key the answer by", true,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        define(components, "Last-Modified", "When the representation last changed (HTTP date)", true,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        define(components, "Location", "The URL of what was created", true,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"));
        define(components, "WWW-Authenticate", "`Bearer`: how to authenticate", true,
                OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        define(components, "Retry-After", "Seconds until a new request can succeed", true,
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
        define(components, "RateLimit-Limit", "Requests allowed in the current window (IETF RateLimit header fields)",
                true, OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
        define(components, "RateLimit-Remaining", "Requests left in the current window", true,
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
        define(components, "RateLimit-Reset", "Seconds until the window resets", true,
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
    }

    private static void define(Components components, String name, String description, boolean required, Schema schema) {
        if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description).required(required).schema(schema);
            components.addHeader(name, header);
        }
    }

    // ---- schemas ----

    private static void collectRefs(Operation operation, Set<String> responses, Set<String> requests,
            Components components) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(type -> reachable(type.getSchema(), requests, components));
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getContent() != null) {
                for (MediaType type : response.getContent().getMediaTypes().values()) {
                    reachable(type.getSchema(), responses, components);
                }
            }
        }
    }

    /** Every component schema name reachable from {@code schema}. */
    private static void reachable(Schema schema, Set<String> names, Components components) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (schema != null) {
            todo.push(schema);
        }
        while (!todo.isEmpty()) {
            Schema next = todo.pop();
            String ref = next.getRef();
            if (ref != null && ref.startsWith(SCHEMAS)) {
                String name = ref.substring(SCHEMAS.length());
                if (names.add(name) && components.getSchemas() != null && components.getSchemas().containsKey(name)) {
                    todo.push(components.getSchemas().get(name));
                }
                continue;
            }
            if (next.getProperties() != null) {
                next.getProperties().values().forEach(todo::push);
            }
            if (next.getItems() != null) {
                todo.push(next.getItems());
            }
            for (List<Schema> group : java.util.Arrays.asList(next.getAllOf(), next.getAnyOf(), next.getOneOf())) {
                if (group != null) {
                    group.forEach(todo::push);
                }
            }
        }
    }

    private static void schemas(Components components, Set<String> responseSchemas, Set<String> requestSchemas) {
        if (components.getSchemas() == null) {
            return;
        }
        for (String name : responseSchemas) {
            Schema schema = components.getSchemas().get(name);
            if (schema == null || schema.getProperties() == null || requestSchemas.contains(name)) {
                continue;
            }
            // The api writes every property of a response record (null where the schema says nullable).
            Set<String> omitted = OMITTED_WHEN_NULL.getOrDefault(name, Set.of());
            List<String> required = new ArrayList<>();
            for (String property : schema.getProperties().keySet()) {
                if (!omitted.contains(property)) {
                    required.add(property);
                }
            }
            schema.setRequired(required);
        }
        // SmallRye writes @NotBlank as \S; see NOT_BLANK.
        for (String name : requestSchemas) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.getProperties().values().stream().filter(p -> "\\S".equals(p.getPattern()))
                        .forEach(p -> p.setPattern(NOT_BLANK));
            }
        }
        NULLABLE.forEach((name, properties) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getProperties() != null) {
                for (String property : properties) {
                    Schema current = schema.getProperties().get(property);
                    if (current != null) {
                        schema.addProperty(property, nullable(current, components));
                    }
                }
            }
        });
        DESCRIBED.forEach((name, description) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getDescription() == null) {
                schema.setDescription(description);
            }
        });
        NULLABLE_ITEMS.forEach((name, property) -> {
            Schema schema = components.getSchemas().get(name);
            Schema array = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(property);
            if (array != null && array.getItems() != null) {
                String ref = array.getItems().getRef();
                array.setItems(nullable(array.getItems(), components));
                if (ref != null && array.getItems().getRef() == null) {
                    components.removeSchema(ref.substring(SCHEMAS.length())); // copied in place; used nowhere else
                }
            }
        });
    }

    /**
     * A property that may be null. OpenAPI 3.0.3 lets {@code nullable: true} add null only beside a {@code type},
     * and ignores siblings of {@code $ref}; so a referenced enum or object is copied in place, null added.
     */
    static Schema nullable(Schema schema, Components components) {
        if (schema.getRef() != null) {
            Schema target = components.getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
            List<Schema.SchemaType> types = target == null || target.getType() == null
                    ? List.of(Schema.SchemaType.OBJECT) : target.getType();
            if (target != null && target.getEnumeration() != null) {
                Schema copy = OASFactory.createSchema().description(schema.getDescription());
                types.forEach(copy::addType);
                // null among the values too (OpenAPI 3.0 checks enum before nullable); addEnumeration(null) drops it.
                List<Object> values = new ArrayList<>(target.getEnumeration());
                values.add(null);
                copy.setEnumeration(values);
                return copy.addType(Schema.SchemaType.NULL);
            }
            // An object is copied in place: SmallRye writes anyOf [$ref, null] as "allOf [$ref] + nullable", which
            // 3.0.3 validators (rightly) read as never null.
            Schema copy = OASFactory.createSchema().description(target.getDescription())
                    .properties(target.getProperties()).required(target.getRequired());
            types.forEach(copy::addType);
            return copy.addType(Schema.SchemaType.NULL);
        }
        if (schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        return schema;
    }

    // ---- tags ----

    private static void tags(OpenAPI openAPI) {
        Set<String> used = new HashSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getTags() != null) {
                    used.addAll(op.getTags());
                }
            }));
        }
        Map<String, String> described = new LinkedHashMap<>(TAGS);
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                described.putIfAbsent(tag.getName(), tag.getDescription());
            }
        }
        List<Tag> tags = new ArrayList<>();
        described.forEach((name, description) -> {
            if (used.contains(name)) {
                tags.add(OASFactory.createTag().name(name).description(description != null ? description : name));
            }
        });
        used.stream().filter(name -> !described.containsKey(name)).sorted()
                .forEach(name -> tags.add(OASFactory.createTag().name(name).description(name)));
        openAPI.setTags(tags);
    }
}
