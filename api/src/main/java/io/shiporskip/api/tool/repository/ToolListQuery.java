package io.shiporskip.api.tool.repository;

import io.shiporskip.model.VerdictDecision;

/** A validated request for one page of tools; null filters are not applied. */
public record ToolListQuery(
        String text,
        String category,
        VerdictDecision decision,
        ToolSort sort,
        int limit,
        ToolCursor after) {
}
