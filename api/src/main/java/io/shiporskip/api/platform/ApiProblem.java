package io.shiporskip.api.platform;

import io.shiporskip.model.ProblemDetail.FieldError;
import java.util.List;

/**
 * A failure the client caused or should know about, carrying what the problem+json body will say.
 * Thrown anywhere below a resource; {@link ProblemMapper} is the one place that renders it.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ApiProblem badParameter(String name, String message) {
        return new ApiProblem(400, "Bad Request", "Invalid value for '" + name + "': " + message,
                List.of(new FieldError(name, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    /**
     * 403 for an account that has not proved its e-mail address, saying how to prove it; {@code toDo} names what
     * only a proved address may do ("claim a tool").
     */
    public static ApiProblem addressNotProved(String toDo) {
        return new ApiProblem(403, "Forbidden", "Confirm your e-mail address first (follow the link in the mail we "
                + "sent, or ask for a new one with POST /api/me/verification-mail): only a confirmed address can "
                + toDo, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
