package io.shiporskip.api.platform;

import io.shiporskip.model.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.shiporskip.model.ProblemDetail;
import io.shiporskip.model.ProblemDetail.FieldError;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.hibernate.JDBCException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become RFC 9457 {@code application/problem+json}. Bodies name what was wrong and
 * never carry stack traces or class names; anything unexpected is logged and answered with a bare 500.
 */
public class ProblemMapper {

    /** Seconds a client should wait while the database is unavailable (a restart takes a few). */
    static final int RETRY_AFTER_UNAVAILABLE = 5;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri, ResourceInfo resource) {
        Response response = LinkPages.wanted(resource)
                ? LinkPages.problem(problem.status(), problem.getMessage(), problem.errors())
                : problem(problem.status(), problem.title(), problem.getMessage(), uri, problem.errors());
        if (problem.status() == 401) {
            // RFC 9110 §15.5.2: every 401 carries a challenge (wrong sign-in credentials included).
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        if (problem instanceof RateLimitExceeded limited) {
            return limited.quota().addHeaders(Response.fromResponse(response))
                    .header(HttpHeaders.RETRY_AFTER, limited.quota().resetSeconds())
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return problem(400, "Bad Request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Bad Request", "The request body is not valid JSON for this endpoint", uri, null);
    }

    /**
     * JSON of the wrong shape (an array for an object, text for a number). Declared for this type because Quarkus
     * REST has a built-in mapper for it that answers an empty 400; names the field when Jackson knows it.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse("");
        if (field.isEmpty()) {
            return malformedJson(e, uri);
        }
        return problem(400, "Bad Request", "Invalid value for '" + field + "': has the wrong type", uri,
                List.of(new FieldError(field, "has the wrong type")));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri); // Quarkus REST wraps Jackson's parse errors in a 400
        }
        if (status >= 500) {
            Log.errorf(e, "request %s failed", uri.getPath());
            return problem(status, "Internal Server Error", "The server could not answer this request", uri, null);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Client Error";
        return problem(status, title, describe(status), uri, null);
    }

    /** No or unusable credentials on a protected route (the token is checked lazily: proactive auth is off). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "Unauthorized", "A valid bearer token is required", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "This account's role does not allow this request", uri, null);
    }

    /** A unique (23505) or foreign-key (23503) constraint lost a race with another request: retryable, not a 500. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String state = sqlState(cause);
            if ("23505".equals(state) || "23503".equals(state)) {
                return problem(409, "Conflict", "The request conflicts with a concurrent change; try again", uri, null);
            }
        }
        return unexpected(e, uri, null);
    }

    /**
     * Whether the failure is PostgreSQL being out of reach or too slow rather than a fault of ours: a refused or dropped
     * connection (reactive pool, or the limits' JDBC pool as Bucket4j passes it on), no pooled connection within the
     * pool's acquisition timeout, SQLSTATE class 08 (connection exception), 57P01–57P03 (shut down, crashed, starting
     * up), or a statement that waited past its lock or statement timeout (55P03, 57014: a locked table, an overloaded
     * server) — a slow store is a 503 to come back to, never a 500.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
                    || (cause instanceof SQLException && cause.getMessage() != null
                            && cause.getMessage().contains("acquisition timeout"))) {
                return true;
            }
            String state = sqlState(cause);
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03") || state.equals("55P03") || state.equals("57014"))) {
                return true;
            }
        }
        return false;
    }

    /** Hibernate Reactive reports a failed statement either converted (JDBCException) or as the driver's PgException. */
    private static String sqlState(Throwable e) {
        if (e instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (e instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return e instanceof PgException pg ? pg.getSqlState() : null;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, ResourceInfo resource) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (databaseUnavailable(e)) {
            // PostgreSQL restarting or unreachable: nothing is wrong with the request, so say when to come back.
            Log.warnf("request %s: the database is unavailable (%s)", uri.getPath(), e.getMessage());
            Response unavailable = LinkPages.wanted(resource) ? LinkPages.problem(503, null, null)
                    : problem(503, "Service Unavailable", "The database is unavailable for a moment; try again shortly",
                            uri, null);
            return Response.fromResponse(unavailable).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_UNAVAILABLE).build();
        }
        Log.errorf(e, "request %s failed", uri.getPath());
        if (LinkPages.wanted(resource)) {
            return LinkPages.problem(500, null, null);
        }
        return problem(500, "Internal Server Error", "The server could not answer this request", uri, null);
    }

    public static Response problem(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        String instance = uri != null ? uri.getPath() : null;
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new ProblemDetail(ProblemTypes.of(status), title, status, detail, instance, errors))
                .build();
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No resource here";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "This content type is not supported here";
            default -> "The request could not be processed";
        };
    }

    /** "create.body.email" → "email": clients know fields, not Java method names. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
