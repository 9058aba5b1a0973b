package io.shiporskip.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAPI document is the contract: every request a test sends through REST Assured and every response it
 * gets back are validated against the service's own {@code /q/openapi} (swagger-request-validator). A response that
 * differs from the document — a status it does not list, a body that breaks its schema (a {@code null} where the
 * schema forbids one, a missing required field, a wrong type), a wrong content type, a documented required header
 * missing — fails the test that received it, as does a request the document does not allow unless the test is
 * marked as sending invalid requests on purpose (each service's {@code InvalidRequests}, see
 * {@link ContractTestCallback}).
 *
 * <p>One filter for api and badge-service; what differs between them is given to the constructor. The document is
 * fetched once per test run (JVM) from the first application a test talks to, and kept in a system property so
 * every Quarkus application restart (test profiles) reuses the same text; with the system property
 * {@code contract.openapi.document} set (each service's surefire configuration) a copy is written to that file.
 */
public final class ContractValidation implements OrderedFilter {

    /** What a request to a path the document does not have may be answered. */
    public enum UnknownPaths {
        /** 404 or 405, always. */
        NOT_FOUND_OR_NOT_ALLOWED,
        /**
         * 404 or 405; and in a test marked as sending invalid requests, any client error (a path made malformed on
         * purpose, such as {@code //evil.example}, that a route still claims).
         */
        ANY_CLIENT_ERROR_WHEN_RELAXED
    }

    private static final String DOCUMENT_PROPERTY = "contract.openapi.text";
    private static final String COPY_PROPERTY = "contract.openapi.document";
    /** Quarkus's own endpoints (health, metrics, the document itself) are never API operations. */
    private static final String QUARKUS = "/q/";

    private final List<String> outsideTheContract;
    private final UnknownPaths unknownPaths;
    private volatile OpenApiInteractionValidator validator;
    private volatile boolean relaxRequests;

    /**
     * @param unknownPaths what a path the document does not have may answer
     * @param staticFiles path prefixes of static files, which are no operations (besides {@code /q/})
     */
    public ContractValidation(UnknownPaths unknownPaths, String... staticFiles) {
        this.unknownPaths = unknownPaths;
        this.outsideTheContract = Stream.concat(Stream.of(QUARKUS), Stream.of(staticFiles)).toList();
    }

    void relaxRequests(boolean relax) {
        this.relaxRequests = relax;
    }

    /** Last, so it sees the request exactly as sent and the response exactly as received. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        // A CORS preflight is answered by the CORS filter, not by an operation of the document.
        if ("OPTIONS".equals(request.getMethod()) || outsideTheContract.stream().anyMatch(path::startsWith)) {
            return response;
        }
        ValidationReport report = validator(request).validate(validatorRequest(request),
                RestAssuredResponse.of(response));
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
        if (errors.stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"))) {
            // A route the document does not have: nothing to validate against, but the answer must say so.
            if (response.statusCode() == 404 || response.statusCode() == 405) {
                return response;
            }
            if (unknownPaths == UnknownPaths.ANY_CLIENT_ERROR_WHEN_RELAXED && relaxRequests
                    && response.statusCode() >= 400 && response.statusCode() < 500) {
                return response;
            }
            throw new AssertionError("Contract violation: " + request.getMethod() + " " + path + " is not in the "
                    + "document, yet answered " + response.statusCode());
        }
        if (relaxRequests) {
            // A request the test made invalid on purpose; the answer itself must still be the documented one.
            errors = errors.stream().filter(m -> !m.getKey().startsWith("validation.request.")).toList();
        }
        if (!errors.isEmpty()) {
            String body = response.asString();
            throw new AssertionError("Contract violation: " + request.getMethod() + " " + path + " answered "
                    + response.statusCode() + " " + response.contentType() + "\n"
                    + errors.stream().map(m -> "  - [" + m.getKey() + "] " + shorten(m.getMessage(), 300)
                            + m.getContext().flatMap(c -> c.getPointers().map(p -> " at " + p.getInstance()))
                                    .orElse(""))
                            .collect(Collectors.joining("\n"))
                    + "\n  body: " + shorten(body, 2000));
        }
        return response;
    }

    /**
     * The request as sent. REST Assured adds two things after the filters have run, so they are added here: form
     * parameters (formParam) become the urlencoded body, and auth().oauth2(token) the Authorization header.
     */
    private static Request validatorRequest(FilterableRequestSpecification request) {
        Request sent = RestAssuredRequest.of(request);
        Map<String, String> form = request.getFormParams();
        boolean formBody = !form.isEmpty() && sent.getRequestBody().isEmpty();
        String bearer = request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth2
                && sent.getHeaderValue("Authorization").isEmpty() ? "Bearer " + oauth2.getAccessToken() : null;
        if (!formBody && bearer == null) {
            return sent;
        }
        SimpleRequest.Builder copy = new SimpleRequest.Builder(sent.getMethod(), sent.getPath());
        sent.getHeaders().forEach((name, values) -> copy.withHeader(name, new ArrayList<>(values)));
        for (String name : sent.getQueryParameters()) {
            copy.withQueryParam(name, new ArrayList<>(sent.getQueryParameterValues(name)));
        }
        if (bearer != null) {
            copy.withAuthorization(bearer);
        }
        if (formBody) {
            copy.withBody(form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        } else {
            sent.getRequestBody().ifPresent(copy::withBody);
        }
        return copy.build();
    }

    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private OpenApiInteractionValidator validator(FilterableRequestSpecification request) {
        OpenApiInteractionValidator current = validator;
        if (current == null) {
            synchronized (this) {
                current = validator;
                if (current == null) {
                    current = OpenApiInteractionValidator.createForInlineApiSpecification(document(request)).build();
                    validator = current;
                }
            }
        }
        return current;
    }

    private static synchronized String document(FilterableRequestSpecification request) {
        String document = System.getProperty(DOCUMENT_PROPERTY);
        if (document != null) {
            return document;
        }
        URI uri = URI.create(request.getURI()).resolve("/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + answer.statusCode());
            }
            System.setProperty(DOCUMENT_PROPERTY, answer.body());
            String copy = System.getProperty(COPY_PROPERTY);
            if (copy != null) {
                Path file = Path.of(copy);
                Files.createDirectories(file.getParent());
                Files.writeString(file, answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not load the OpenAPI document from " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
