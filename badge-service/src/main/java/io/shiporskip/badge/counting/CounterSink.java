package io.shiporskip.badge.counting;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Where aggregated increments go. PostgreSQL batches by default; at larger scale the same increments could
 * go to a broker instead without touching the request path.
 */
public interface CounterSink {

    record Increment(CounterKey key, long n) {
    }

    /** Adds every increment, all or nothing. */
    Uni<Void> add(List<Increment> increments);
}
