package io.shiporskip.api.tool.repository;

/** List orders, each walking one index of the tool table (see V1__catalog.sql). */
public enum ToolSort {
    /** Most recently added first. */
    NEWEST,
    /** Highest panel mean score first; unreviewed tools last. */
    SCORE,
    /** Highest panel ship percentage first; unreviewed tools last. */
    SHIP_PERCENT,
    /** Alphabetical, case-insensitive. */
    NAME
}
