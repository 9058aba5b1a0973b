package io.shiporskip.badge.counting;

import java.util.HashMap;
import java.util.Map;

/**
 * Which referrer hosts of one tool and UTC day get counter rows of their own (the rest fold into "(other)"): the
 * heaviest hosts, not the first ones. Up to {@code capacity} hosts are named; a Space-Saving summary of
 * {@code 4 × capacity} candidates counts the others. A candidate replaces the lightest named host only once its
 * guaranteed count (Space-Saving's count minus its error) is above that host's count, so a flood of one-off hosts
 * (each seen once) can never push out a host with a handful of loads, and each replacement costs the flooder more
 * loads than the lightest real host has: the number of host rows a day stays close to {@code capacity}.
 * <p>
 * Why this and not a per-client limit on new hosts: a per-client limit still fills the table first come, first
 * served for anyone with enough networks; this keeps whatever is heaviest, whoever sent it. The price: a new host
 * folds until it has proved itself (its first loads go to "(other)" once the table is full), and a name that was
 * pushed out keeps the rows it already has.
 * <p>
 * Only loads counted as human reach it (see {@link BadgeEventCounter#record}). Memory: at most 5 × capacity hosts per
 * (tool, day) with loads; both maps are dropped the day after.
 */
final class ReferrerTable {

    private final int capacity;
    private final int candidates;
    /** Named host → loads since it was named (plus its guaranteed count when it was). */
    private final Map<String, long[]> named = new HashMap<>();
    /** Candidate host → {count, error} (Space-Saving). */
    private final Map<String, long[]> summary = new HashMap<>();

    ReferrerTable(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.candidates = 4 * this.capacity;
    }

    /** The host to store this load under: the host itself when it is (or now becomes) named, otherwise "(other)". */
    synchronized String admit(String host) {
        long[] own = named.get(host);
        if (own != null) {
            own[0]++;
            return host;
        }
        long guaranteed = observe(host);
        if (named.size() < capacity) {
            summary.remove(host);
            named.put(host, new long[] {guaranteed});
            return host;
        }
        String lightest = null;
        long least = Long.MAX_VALUE;
        for (Map.Entry<String, long[]> e : named.entrySet()) {
            if (e.getValue()[0] < least) {
                least = e.getValue()[0];
                lightest = e.getKey();
            }
        }
        if (guaranteed > least) {
            named.remove(lightest);
            summary.remove(host);
            named.put(host, new long[] {guaranteed});
            return host;
        }
        return Referrers.OVERFLOW;
    }

    /** Counts one load of a host that is not named; returns its guaranteed (never overestimated) count. */
    private long observe(String host) {
        long[] c = summary.get(host);
        if (c != null) {
            c[0]++;
            return c[0] - c[1];
        }
        if (summary.size() < candidates) {
            summary.put(host, new long[] {1, 0});
            return 1;
        }
        String smallest = null;
        long min = Long.MAX_VALUE;
        for (Map.Entry<String, long[]> e : summary.entrySet()) {
            if (e.getValue()[0] < min) {
                min = e.getValue()[0];
                smallest = e.getKey();
            }
        }
        summary.remove(smallest);
        summary.put(host, new long[] {min + 1, min});
        return 1;
    }
}
