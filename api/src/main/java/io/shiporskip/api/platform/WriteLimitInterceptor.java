package io.shiporskip.api.platform;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Spends one token of a {@link WriteLimited} route's allowance before the route runs, and puts {@code RateLimit-*}
 * on its 2xx answer. A spent allowance fails the call with {@link RateLimitExceeded} (the 429 problem, or the review
 * page's 429 page). It runs after bean validation ({@code PLATFORM_AFTER + 800}), so a body the route never accepts
 * spends nothing; after the role check too, so the account is known.
 */
@WriteLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class WriteLimitInterceptor {

    private final RateLimiter limiter;
    private final RateLimits limits;
    private final CurrentIdentityAssociation identity;
    private final CurrentVertxRequest request;

    @Inject
    public WriteLimitInterceptor(RateLimiter limiter, RateLimits limits, CurrentIdentityAssociation identity,
            CurrentVertxRequest request) {
        this.limiter = limiter;
        this.limits = limits;
        this.identity = identity;
        this.request = request;
    }

    @AroundInvoke
    Object limit(InvocationContext context) {
        Allowance allowance = allowance(context.getMethod());
        RateLimit limit = limits.of(allowance);
        RoutingContext routing = request.getCurrent();
        Uni<String> key = allowance.perAccount()
                ? identity.getDeferredIdentity().map(who -> "account:" + Caller.accountId(who.getPrincipal()))
                : Uni.createFrom().item(() -> RateLimiter.clientKey(routing.request()));
        return key.chain(k -> limiter.take(limit, k))
                .chain(Unchecked.function(quota -> {
                    routing.addHeadersEndHandler(ignored -> {
                        if (routing.response().getStatusCode() / 100 == 2) {
                            MultiMap headers = routing.response().headers();
                            headers.set("RateLimit-Limit", Long.toString(quota.limit()));
                            headers.set("RateLimit-Remaining", Long.toString(quota.remaining()));
                            headers.set("RateLimit-Reset", Long.toString(quota.resetSeconds()));
                        }
                    });
                    Object result = context.proceed();
                    if (result instanceof Uni<?> answer) {
                        return answer;
                    }
                    throw new IllegalStateException("@WriteLimited needs a method that returns Uni: " + context.getMethod());
                }));
    }

    static Allowance allowance(Method method) {
        WriteLimited marked = method.getAnnotation(WriteLimited.class);
        if (marked == null) {
            marked = method.getDeclaringClass().getAnnotation(WriteLimited.class);
        }
        return marked == null ? Allowance.WRITES : marked.value();
    }
}
