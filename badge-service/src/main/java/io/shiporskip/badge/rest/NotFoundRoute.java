package io.shiporskip.badge.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Whatever no route claimed (including malformed paths such as {@code //evil.example}) gets a 404 problem. */
@ApplicationScoped
public class NotFoundRoute {

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            ctx.response().putHeader(Headers.NOSNIFF_NAME, Headers.NOSNIFF)
                    .putHeader(Headers.FRAME_OPTIONS_NAME, Headers.DENY)
                    .putHeader(Headers.CSP_NAME, Headers.API_CSP);
            ProblemMapper.send(ctx.response(), ProblemMapper.problem(404, "No such resource", ctx.request().path(), null, null));
        });
    }
}
