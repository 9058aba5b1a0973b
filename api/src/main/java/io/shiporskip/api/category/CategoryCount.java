package io.shiporskip.api.category;

/** A category and how many tools are filed under it. */
public record CategoryCount(String name, long toolCount) {
}
