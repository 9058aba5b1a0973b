package io.shiporskip.badge.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clock of the maker-rights cache: the system's, unless a test supplies one it can move (no sleeps in tests). */
@Singleton
public class RightsTicker {

    @Produces
    @Singleton
    @DefaultBean
    @RightsClock
    Ticker ticker() {
        return Ticker.systemTicker();
    }
}
