package io.shiporskip.badge.rest;

import io.shiporskip.model.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.shiporskip.model.ProblemDetail;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become RFC 9457 {@code application/problem+json}: for Quarkus REST resources through
 * the exception mappers below, and for the Vert.x badge route and unmatched paths through {@link #send}.
 * Bodies never carry stack traces or class names.
 */
public class ProblemMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProblemDetail problem(int status, String detail, String instance, String field, String fieldMessage) {
        List<ProblemDetail.FieldError> errors = field == null ? null : List.of(new ProblemDetail.FieldError(field, fieldMessage));
        return new ProblemDetail(ProblemTypes.of(status), title(status), status, detail, instance, errors);
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Client Error");
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> badInput(BadInputException e, HttpServerRequest request) {
        return respond(problem(400, e.getMessage(), request.path(), e.field(), e.getMessage()), request);
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> problem(ProblemException e, HttpServerRequest request) {
        RestResponse<ProblemDetail> answer = respond(problem(e.status(), e.getMessage(), request.path(), null, null), request);
        return e.retryAfterSeconds() <= 0 ? answer : RestResponse.ResponseBuilder.fromResponse(answer)
                .header("Retry-After", Integer.toString(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> constraint(ConstraintViolationException e, HttpServerRequest request) {
        List<ProblemDetail.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemDetail.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(new ProblemDetail(ProblemTypes.of(400), title(400), 400, "Request parameters are invalid", request.path(), errors),
                request);
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String detail = status == 404 ? "No such resource" : status == 405 ? "Method not allowed" : title(status);
        return respond(problem(status, detail, request.path(), null, null), request);
    }

    // Token-protected routes (maker statistics): no, expired, forged or foreign-issuer token → 401 with a
    // Bearer challenge; a valid token without the right to this resource → 403. Never the built-in empty bodies.
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public RestResponse<ProblemDetail> unauthorized(RuntimeException e, HttpServerRequest request) {
        return RestResponse.ResponseBuilder.<ProblemDetail>create(401)
                .entity(problem(401, "A valid bearer token is required", request.path(), null, null))
                .type(ProblemDetail.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(problem(403, "This token does not allow access to this resource", request.path(), null, null), request);
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> unexpected(Throwable e, HttpServerRequest request) {
        Log.errorf(e, "unexpected failure on %s", request.path());
        return respond(problem(500, "Something went wrong on our side", request.path(), null, null), request);
    }

    /** The widget and the click-through label the problem as the client asked (Headers.problemMediaType). */
    private static RestResponse<ProblemDetail> respond(ProblemDetail p, HttpServerRequest request) {
        String type = Headers.answersProblemsAsAsked(request.path())
                ? Headers.problemMediaType(request.getHeader(Headers.ACCEPT.toString())) : ProblemDetail.MEDIA_TYPE;
        RestResponse.ResponseBuilder<ProblemDetail> b = RestResponse.ResponseBuilder.<ProblemDetail>create(p.status())
                .entity(p)
                .type(type)
                .header("Cache-Control", "no-store");
        return b.build();
    }

    /** The same documents, written straight to a Vert.x response. */
    public static void send(HttpServerResponse response, ProblemDetail p) {
        send(response, p, ProblemDetail.MEDIA_TYPE);
    }

    /** As {@link #send(HttpServerResponse, ProblemDetail)}, labelled {@code mediaType} (Headers.problemMediaType). */
    static void send(HttpServerResponse response, ProblemDetail p, String mediaType) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            body = ("{\"title\":\"" + title(p.status()) + "\",\"status\":" + p.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatusCode(p.status())
                .putHeader("Content-Type", mediaType)
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
