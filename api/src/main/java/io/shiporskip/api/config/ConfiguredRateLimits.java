package io.shiporskip.api.config;

import io.shiporskip.api.platform.Allowance;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimits;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/** The size of each allowance a route spends with {@code @WriteLimited}, from {@link ApiConfig}. */
@Singleton
public class ConfiguredRateLimits implements RateLimits {

    private final Map<Allowance, RateLimit> limits = new EnumMap<>(Allowance.class);

    public ConfiguredRateLimits(ApiConfig config) {
        limits.put(Allowance.WRITES, config.limit().writeLimit());
        limits.put(Allowance.SIGN_UP, config.limit().signUpLimit());
        limits.put(Allowance.PASSWORD_RESET, config.limit().passwordResetLimit());
        limits.put(Allowance.NEWSLETTER_SIGN_UP, new RateLimit("newsletter sign-up", config.newsletter().subscribeLimit(),
                config.newsletter().subscribePeriod()));
    }

    @Override
    public RateLimit of(Allowance allowance) {
        return limits.get(allowance);
    }
}
