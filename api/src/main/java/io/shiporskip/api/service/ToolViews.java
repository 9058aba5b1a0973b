package io.shiporskip.api.service;

import io.shiporskip.api.domain.Tool;
import io.shiporskip.model.CommunitySummary;
import io.shiporskip.model.ToolSummary;

/** The catalog's DTO mapping for code outside this package (accounts, editorial), so there is one mapping. */
public final class ToolViews {

    private ToolViews() {
    }

    public static ToolSummary summary(Tool tool) {
        return Dtos.summary(tool);
    }

    public static CommunitySummary community(Tool tool) {
        return Dtos.community(tool);
    }
}
