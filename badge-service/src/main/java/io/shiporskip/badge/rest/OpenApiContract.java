package io.shiporskip.badge.rest;

import io.shiporskip.model.ProblemTypes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.render.BadgeStyle;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.model.ProblemDetail;
import io.shiporskip.model.Slugs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The rules badge-service's OpenAPI document follows everywhere (the same as api's, docs/CONTRACT.md), applied once here
 * instead of on every operation; the contract tests validate every test response against the result:
 * <ul>
 * <li>every operation has a camelCase operationId, a declared and described tag, and {@code security}: the maker
 * statistics need a bearer token (the role in the description, no scopes), everything else says {@code security: []};</li>
 * <li>parameters have their exact type: the slug its pattern, {@code style}/{@code theme}/{@code src} their values,
 * and every query parameter is a single value (the routes refuse repeats);</li>
 * <li>every error is documented, with the problem schema on {@code application/problem+json} beside the image or page
 * a browser gets: 400 (input), 401/403 (token), 404 (a slug), 406 (content negotiation), 503 (verdict lookups);</li>
 * <li>response headers: {@code ETag} and {@code Cache-Control} on every public GET and its 304, {@code Location} on
 * redirects, {@code WWW-Authenticate} on 401, {@code Cache-Control} on every answer.</li>
 * </ul>
 * Only the document changes; no request is handled differently.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    private static final String PROBLEM = "ProblemDetail";
    private static final String SCHEME = "bearerAuth";
    private static final String HTML = "text/html";

    /** Tags in the order a reader meets them, each with what it holds, and the path prefixes they hold. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();
    private static final Map<String, String> TAG_OF_PREFIX = new LinkedHashMap<>();

    static {
        TAGS.put("Badges", "The verdict badge (SVG), its shields.io endpoint document and its embed codes");
        TAGS.put("Widget", "The verdict widget for an iframe (HTML, no JavaScript)");
        TAGS.put("Click-through", "From a badge or widget to the tool's review page, counted as a click");
        TAGS.put("Maker statistics", "Badge impressions and clicks for a tool's makers and editors (bearer token)");
        TAG_OF_PREFIX.put("/api/badge/", "Badges");
        TAG_OF_PREFIX.put("/embed/", "Widget");
        TAG_OF_PREFIX.put("/api/badge-click/", "Click-through");
        TAG_OF_PREFIX.put("/api/makers/", "Maker statistics");
        TAG_OF_PREFIX.put("/makers", "Maker statistics");
    }

    /** The properties of response records that are null in some state, and why; every other one is never null. */
    private static final Map<String, List<String>> NULLABLE = Map.of(
            "Counts", List.of("clickThroughRate"), // no human impressions that day
            "Referrer", List.of("host")); // the events that named no usable referrer

    /**
     * Operations whose successes are no JSON (an image, a page, a redirect) but whose errors are problems for a client
     * that asks for JSON: labelled as it asked ({@link Headers#problemMediaType}), so their errors list
     * {@code application/json} beside {@code application/problem+json}, both the ProblemDetail schema.
     */
    private static final List<String> PROBLEMS_AS_ASKED = List.of("/api/badge/{slug}", "/embed/{slug}", "/api/badge-click/{slug}");

    /**
     * GETs without a HEAD twin: the dashboard's previews are Vert.x routes for GET only (a HEAD there is a 404).
     * Every other GET answers HEAD (Quarkus REST does for every GET; the badge image registers it).
     */
    private static final List<String> GET_ONLY = List.of("/makers/preview/");

    /** Paths that need a bearer token, and the role. Everything else is public. */
    private static final Map<String, String> SECURED = Map.of("/api/makers/",
            "`maker` (with the tool in the token's `tools` claim) or `admin`");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addProblemSchema(components);
        addHeaders(components);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach(OpenApiContract::headTwin);
        }
        if (openAPI.getPaths() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                    Operation operation = entry.getValue();
                    if (operation.getOperationId() == null) {
                        operation.setOperationId(operationId(entry.getKey(), path.getKey()));
                    }
                    operation.setTags(new ArrayList<>(List.of(tag(path.getKey()))));
                    security(path.getKey(), operation);
                    parameters(path.getKey(), operation);
                    responses(path.getKey(), entry.getKey(), operation);
                }
            }
        }
        // Every record this service writes has every property (null only where NULLABLE says): all are required.
        if (components.getSchemas() != null) {
            for (Map.Entry<String, Schema> named : components.getSchemas().entrySet()) {
                Schema schema = named.getValue();
                if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getRequired() == null) {
                    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                }
                if ("ToolRef".equals(named.getKey()) && schema.getDescription() == null) {
                    // shared-model carries no OpenAPI annotations; the same words as in api's document.
                    schema.setDescription("A tool wherever a response refers to one: its slug and display name");
                }
                for (String property : NULLABLE.getOrDefault(named.getKey(), List.of())) {
                    Schema value = schema.getProperties() == null ? null : schema.getProperties().get(property);
                    if (value != null && value.getType() != null && !value.getType().contains(Schema.SchemaType.NULL)) {
                        value.addType(Schema.SchemaType.NULL);
                    }
                }
            }
        }
        List<Tag> tags = new ArrayList<>();
        TAGS.forEach((name, description) -> tags.add(OASFactory.createTag().name(name).description(description)));
        openAPI.setTags(tags);
    }

    static String tag(String path) {
        return TAG_OF_PREFIX.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("Badges");
    }

    /** "GET /api/makers/tools/{slug}/stats" → "getMakersToolsStats", for an operation without an explicit id. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
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

    private static String role(String path) {
        return SECURED.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** A bearer scheme has no scopes: the role goes into the description. Public operations say security: []. */
    private static void security(String path, Operation operation) {
        String role = role(path);
        if (role == null) {
            operation.setSecurity(new ArrayList<>());
            return;
        }
        operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        String needs = "Requires a bearer token from api (`POST /api/auth/token`) whose `groups` claim contains " + role + ".";
        String description = operation.getDescription();
        if (description == null || !description.contains(needs)) {
            operation.setDescription(description == null || description.isBlank() ? needs : description + "\n\n" + needs);
        }
    }

    // ---- parameters ----

    private static void parameters(String path, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : new ArrayList<>(operation.getParameters());
        if (path.contains("{slug}") && parameters.stream().noneMatch(p -> "slug".equals(p.getName()) && p.getIn() == Parameter.In.PATH)) {
            parameters.add(0, OASFactory.createParameter().name("slug").in(Parameter.In.PATH).required(true));
        }
        for (Parameter parameter : parameters) {
            if (parameter.getRef() != null) {
                continue;
            }
            if (parameter.getIn() == Parameter.In.PATH && "slug".equals(parameter.getName())) {
                parameter.setSchema(string().pattern(Slugs.PATTERN).maxLength(Slugs.MAX_LENGTH));
                if (parameter.getDescription() == null) {
                    parameter.setDescription("The tool's slug: lower-case letters, digits and single hyphens");
                }
            }
            if (parameter.getIn() != Parameter.In.QUERY) {
                continue;
            }
            // The routes take a list only to refuse a repeated value (400): the document says one value.
            Schema schema = parameter.getSchema();
            if (schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)) {
                parameter.setSchema(schema.getItems() != null ? schema.getItems() : string());
            }
            switch (parameter.getName()) {
                case "style" -> {
                    parameter.setSchema(enumeration(Arrays.stream(BadgeStyle.values()).map(s -> s.param).toList()));
                    describe(parameter, "The look of the widget's or badge's shape");
                }
                case "theme" -> {
                    parameter.setSchema(enumeration(Arrays.stream(Theme.values()).map(t -> t.param).toList()));
                    describe(parameter, "Colours; `auto` follows the reader's light or dark preference");
                }
                case "src" -> {
                    parameter.setSchema(enumeration(Arrays.stream(Placement.values())
                            .filter(p -> p != Placement.UNSPECIFIED).map(p -> p.param).toList()));
                    describe(parameter, "Where the badge or widget is placed; counted, changes nothing shown");
                }
                case "via" -> {
                    parameter.setSchema(string().maxLength(253));
                    describe(parameter, "The host name of the page that framed the widget (set by the widget's own link)");
                }
                case "from", "to" -> {
                    parameter.setSchema(string().format("date"));
                    describe(parameter, "from".equals(parameter.getName())
                            ? "First UTC day (YYYY-MM-DD); default 29 days before `to`" : "Last UTC day (YYYY-MM-DD); default today");
                }
                default -> {
                }
            }
        }
        operation.setParameters(parameters);
    }

    private static void describe(Parameter parameter, String description) {
        if (parameter.getDescription() == null) {
            parameter.setDescription(description);
        }
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema enumeration(List<String> values) {
        Schema schema = string();
        values.forEach(schema::addEnumeration);
        return schema;
    }

    // ---- responses ----

    private static void responses(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = role(path) != null;
        boolean redirect = operation.getResponses().hasAPIResponse("302");
        // The dashboard's previews answer their image or page whatever Accept says (errors too, as images or pages).
        boolean preview = GET_ONLY.stream().anyMatch(path::startsWith);
        // The badge image and the previews are Vert.x routes without content negotiation; the JAX-RS routes answer 406.
        boolean negotiates = !path.equals("/api/badge/{slug}") && !redirect && !preview;
        boolean looksUpVerdicts = path.startsWith("/api/badge/") || path.startsWith("/embed/");
        // The badge routes revalidate; the makers' pages and numbers are private to their reader (no-store).
        boolean conditional = !secured && !redirect && !"Maker statistics".equals(tag(path))
                && (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD);
        boolean body = method != PathItem.HttpMethod.HEAD;

        // A success whose media type came without a schema (a @Produces list): text is a string.
        for (APIResponse answer : operation.getResponses().getAPIResponses().values()) {
            if (answer.getContent() != null) {
                answer.getContent().getMediaTypes().forEach((type, media) -> {
                    if (media.getSchema() == null && !type.contains("json")) {
                        media.setSchema(string());
                    }
                });
            }
        }
        if (operation.getResponses().hasAPIResponse("200") && "OK".equals(operation.getResponses().getAPIResponse("200").getDescription())) {
            operation.getResponses().getAPIResponse("200").setDescription(operation.getSummary());
        }
        if (conditional) {
            addIfMissing(operation, "304", "Not modified: If-None-Match named the current ETag");
            if (operation.getParameters() == null || operation.getParameters().stream()
                    .noneMatch(p -> p.getRef() != null && p.getRef().endsWith("/IfNoneMatch") || "If-None-Match".equals(p.getName()))) {
                operation.addParameter(OASFactory.createParameter().ref("#/components/parameters/IfNoneMatch"));
            }
        }
        addIfMissing(operation, "400", "A parameter is malformed or unknown; the problem names it in `errors`");
        if (secured) {
            addIfMissing(operation, "401", "No bearer token, or one that is expired, forged or from another issuer");
            addIfMissing(operation, "403", "The token's `groups` and `tools` do not allow this resource");
        }
        if (path.contains("{")) {
            addIfMissing(operation, "404", "No tool has this slug");
        }
        if (negotiates) {
            addIfMissing(operation, "406", "The Accept header allows none of the media types this operation answers with");
        }
        if (looksUpVerdicts) {
            addIfMissing(operation, "503", "api cannot be reached and no verdict for the slug is known");
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            int status = Integer.parseInt(entry.getKey());
            APIResponse answer = entry.getValue();
            if (status >= 400 && body) {
                // A 406 means Accept named none of the types, application/json included: always problem+json.
                problemContent(answer, PROBLEMS_AS_ASKED.contains(path) && status != 406);
            }
            if (status == 304 || status == 204 || !body) {
                answer.setContent(null);
            }
            header(answer, "Cache-Control");
            if (conditional && (status == 200 || status == 304)) {
                header(answer, "ETag");
            }
            if (status >= 300 && status < 400 && status != 304) {
                header(answer, "Location");
            }
            if (status == 401) {
                header(answer, "WWW-Authenticate");
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

    /**
     * An error's problem document, beside the image or page a browser gets instead (those keep their schema). A media
     * type without a schema, or with a bare {@code type: object}, gets the one it really has.
     */
    private static void problemContent(APIResponse response, boolean alsoPlainJson) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        for (String type : new ArrayList<>(content.getMediaTypes().keySet())) {
            MediaType media = content.getMediaType(type);
            boolean json = type.contains("json");
            if (json && !type.equals(ProblemDetail.MEDIA_TYPE)) {
                content.removeMediaType(type); // added back below where a client asking for JSON gets that label
            } else if (!json && (media.getSchema() == null)) {
                media.setSchema(string());
            }
        }
        content.addMediaType(ProblemDetail.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM)));
        if (alsoPlainJson) {
            content.addMediaType("application/json", OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM)));
        }
    }

    /**
     * Every GET that answers HEAD documents it, so a client (a link checker, an image proxy) or a validator sending
     * HEAD finds the operation: GET's parameters and statuses, no bodies (the loop then adds the same headers). The
     * operationId is GET's with {@code head} for {@code get} ({@code getWidget} → {@code headWidget}), or
     * {@code head} + GET's capitalised ({@code clickThrough} → {@code headClickThrough}).
     */
    private static void headTwin(String path, PathItem item) {
        Operation get = item.getGET();
        if (get == null || item.getHEAD() != null || GET_ONLY.stream().anyMatch(path::startsWith)) {
            return;
        }
        Operation head = OASFactory.createOperation()
                .summary(get.getSummary() == null ? null : get.getSummary() + ": headers only (HEAD)")
                .description("What GET answers, without a body: the same status and headers"
                        + (get.getDescription() == null ? "." : ". " + get.getDescription()))
                .parameters(get.getParameters() == null ? null : new ArrayList<>(get.getParameters()))
                .extensions(get.getExtensions() == null ? null : new LinkedHashMap<>(get.getExtensions()));
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

    private static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
        }
    }

    private static void addHeaders(Components components) {
        define(components, "ETag", "The representation's version; send it back in If-None-Match to get 304",
                string());
        define(components, "Cache-Control", "How long and where the answer may be kept: the configured policy on "
                + "successes (default `no-cache`: revalidate with the ETag), `no-store` on errors and redirects", string());
        define(components, "Location", "Where the redirect leads", string().format("uri"));
        define(components, "WWW-Authenticate", "`Bearer`: how to authenticate", string());
    }

    private static void define(Components components, String name, String description, Schema schema) {
        if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
            components.addHeader(name, OASFactory.createHeader().description(description).required(true).schema(schema));
        }
    }

    /** RFC 9457 problem document, as shared-model's ProblemDetail writes it; the type codes are ProblemTypes'. */
    private static void addProblemSchema(Components components) {
        // No enum: a new kind of error must not break clients generated today.
        Schema type = string().description("`urn:shiporskip:problem:<code>`; switch on it. Codes: "
                + String.join(", ", ProblemTypes.CODES.values()) + ", origin-not-allowed (docs/CONTRACT.md)");
        Schema field = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string().description("The parameter or field that was wrong"))
                .addProperty("message", string().description("What was wrong with it"))
                .required(List.of("field", "message"));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (application/problem+json)")
                .addProperty("type", type)
                .addProperty("title", string().description("The status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", string().description("What went wrong, for people"))
                .addProperty("instance", string().description("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(field)
                        .description("Each bad parameter; left out when there is none"))
                .required(List.of("type", "title", "status"));
        components.addSchema(PROBLEM, problem);
    }
}
