package io.shiporskip.model;

/** The panel's call, derived from its reviews by {@link PanelRule}. */
public enum VerdictDecision {
    SHIP,
    SKIP,
    /** As many ships as skips. */
    SPLIT,
    /** No review yet. */
    NONE
}
