package io.shiporskip.model;

/** A category and how many tools are filed under it. */
public record CategoryCount(String name, long toolCount) {
}
