package io.shiporskip.model;

/**
 * Readers' votes on a tool. {@code state} names the zero-vote case so clients need not infer it;
 * {@code shipPercent} is null while nobody has voted. {@code label} is the line the site shows.
 */
public record CommunitySummary(
        CommunityState state,
        int votes,
        int ships,
        int skips,
        Integer shipPercent,
        String label) {

    public enum CommunityState {
        NO_VOTES,
        VOTED
    }

    public static CommunitySummary of(int ships, int skips) {
        if (ships < 0 || skips < 0) {
            throw new IllegalArgumentException("vote counts cannot be negative");
        }
        int votes = ships + skips;
        if (votes == 0) {
            return new CommunitySummary(CommunityState.NO_VOTES, 0, 0, 0, null, "No community votes yet");
        }
        int percent = PanelRule.percent(ships, votes);
        String label = percent + "% ship · " + votes + (votes == 1 ? " vote" : " votes");
        return new CommunitySummary(CommunityState.VOTED, votes, ships, skips, percent, label);
    }
}
