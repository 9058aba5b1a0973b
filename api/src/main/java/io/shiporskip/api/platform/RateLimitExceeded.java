package io.shiporskip.api.platform;


/** A 429; {@link io.shiporskip.api.platform.ProblemMapper} adds Retry-After and the RateLimit-* headers. */
public class RateLimitExceeded extends ApiProblem {

    private final Quota quota;

    public RateLimitExceeded(RateLimit limit, Quota quota) {
        super(429, "Too Many Requests", "Too many " + limit.name() + " requests; try again in "
                + quota.resetSeconds() + " seconds", null);
        this.quota = quota;
    }

    public Quota quota() {
        return quota;
    }
}
