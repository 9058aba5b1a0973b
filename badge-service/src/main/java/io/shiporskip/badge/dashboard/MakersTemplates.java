package io.shiporskip.badge.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Type-safe Qute templates of the dashboard ({@code templates/makers/}); every value is HTML-escaped by Qute. */
@CheckedTemplate(basePath = "makers")
final class MakersTemplates {

    private MakersTemplates() {
    }

    /** The dashboard page; {@code apiUrl} is where its script signs in. */
    static native TemplateInstance page(String apiUrl);
}
