package io.shiporskip.api.security;

import io.shiporskip.api.ratelimit.RateLimit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Allowances that protect sign-up, sign-in and readers' writes. */
@ConfigMapping(prefix = "shiporskip.limits")
public interface AccountLimitsConfig {

    /** Accounts created per client address. */
    @WithName("sign-up")
    @WithDefault("5")
    long signUp();

    @WithName("sign-up-period")
    @WithDefault("PT1H")
    Duration signUpPeriod();

    /** Failed sign-ins per e-mail address before further attempts are refused. */
    @WithName("sign-in-failures")
    @WithDefault("5")
    long signInFailures();

    @WithName("sign-in-failures-period")
    @WithDefault("PT15M")
    Duration signInFailuresPeriod();

    /** Writes (votes, bookmarks, editorial changes) per account. */
    @WithName("writes")
    @WithDefault("60")
    long writes();

    @WithName("writes-period")
    @WithDefault("PT1M")
    Duration writesPeriod();

    default RateLimit signUpLimit() {
        return new RateLimit("account creation", signUp(), signUpPeriod());
    }

    default RateLimit signInFailureLimit() {
        return new RateLimit("failed sign-in", signInFailures(), signInFailuresPeriod());
    }

    default RateLimit writeLimit() {
        return new RateLimit("write", writes(), writesPeriod());
    }
}
