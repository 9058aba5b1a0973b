package io.shiporskip.model;

import java.util.List;

/**
 * The compact verdict badge-service renders: everything a badge or widget shows, and a {@code version}
 * that changes whenever any of it changes (badge-service keys its render cache and ETags on it).
 */
public record VerdictSnapshot(
        String slug,
        String name,
        String tagline,
        VerdictDecision decision,
        int ships,
        int skips,
        Integer shipPercent,
        Double meanScore,
        int reviewCount,
        CommunitySummary community,
        List<CriticScore> critics,
        String version) {
}
