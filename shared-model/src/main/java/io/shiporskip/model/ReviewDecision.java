package io.shiporskip.model;

/** One critic's call on one tool. */
public enum ReviewDecision {
    SHIP,
    SKIP
}
