package io.shiporskip.api.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The time that windows and expiries are measured by (mailed links, per-recipient mail caps, rate-limit buckets), one
 * bean so the tests can move it across a boundary instead of sleeping. Token timestamps ({@code iat}) use the real
 * clock: the verifiers compare them with theirs.
 */
@ApplicationScoped
public class Now {

    public Instant instant() {
        return Instant.now();
    }

    public OffsetDateTime utc() {
        return OffsetDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }
}
