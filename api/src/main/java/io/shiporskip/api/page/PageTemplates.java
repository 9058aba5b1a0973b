package io.shiporskip.api.page;

import io.shiporskip.api.platform.PageMeta;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages' type-safe Qute templates ({@code templates/page/*.html}): every expression in them is checked against
 * these parameter types at build time, and everything they print is HTML-escaped (templates ending in .html).
 */
@CheckedTemplate(basePath = "page")
final class PageTemplates {

    private PageTemplates() {
    }

    static native TemplateInstance tool(PageMeta meta, ToolPage page);

    static native TemplateInstance compare(PageMeta meta, ComparePage page);

    static native TemplateInstance message(PageMeta meta, MessagePage page);
}
