package io.shiporskip.api.platform;

/** How large each {@link Allowance} is; the configuration package provides it (platform reads no configuration). */
public interface RateLimits {

    RateLimit of(Allowance allowance);
}
