package io.shiporskip.badge.rest;

import io.shiporskip.badge.render.ErrorState;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.model.VerdictSnapshot;

/**
 * The one place a verdict lookup that found no verdict becomes an error: an unknown tool is a 404, api unreachable with
 * nothing known a 503. Each route then answers that state its own way (an image, a widget card, a page or a problem),
 * but they all agree on which state and status it is and what the problem says.
 */
public final class VerdictErrors {

    private VerdictErrors() {
    }

    /**
     * The error state of a lookup without a verdict to show, or null when it found one. UNCHECKED (a never-seen slug
     * past the client's budget of api lookups this minute) is answered like an unknown tool: almost always junk.
     */
    public static ErrorState of(VerdictLookup lookup) {
        return switch (lookup.status()) {
            case FOUND -> null;
            case UNKNOWN, UNCHECKED -> ErrorState.UNKNOWN_TOOL;
            case UNAVAILABLE -> ErrorState.UNAVAILABLE;
        };
    }

    /** What the problem document says for the state; fixed texts plus the (already validated) slug. */
    public static String detail(ErrorState state, String slug) {
        return state == ErrorState.UNAVAILABLE ? "verdict unavailable: api cannot be reached" : "unknown tool: " + slug;
    }

    public static ProblemException problem(ErrorState state, String slug) {
        return new ProblemException(state.status, detail(state, slug));
    }

    /** The verdict, or the 404/503 problem for a JSON route. */
    public static VerdictSnapshot orProblem(VerdictLookup lookup, String slug) {
        ErrorState state = of(lookup);
        if (state != null) {
            throw problem(state, slug);
        }
        return lookup.snapshot();
    }
}
