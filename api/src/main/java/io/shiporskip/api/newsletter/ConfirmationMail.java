package io.shiporskip.api.newsletter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shiporskip.api.config.ApiConfig.Api;
import io.shiporskip.api.config.ApiConfig.Newsletter;
import io.shiporskip.api.config.ApiConfig;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The double opt-in mail: one link, to a page whose button confirms (a GET alone never does). */
@ApplicationScoped
public class ConfirmationMail {

    /** templates/ConfirmationMail/: the mail's HTML (escaped by Qute) and plain-text bodies. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(String link, long hours);

        static native TemplateInstance text(String link, long hours);
    }

    public static final String SUBJECT = "Confirm your Ship or Skip weekly digest";

    private final ReactiveMailer mailer;
    private final Api urls;
    private final Newsletter config;

    public ConfirmationMail(ReactiveMailer mailer, ApiConfig apiConfig) {
        Api urls = apiConfig.api();
        Newsletter config = apiConfig.newsletter();
        this.mailer = mailer;
        this.urls = urls;
        this.config = config;
    }

    public Uni<Void> send(String email, String token) {
        String link = urls.url("/api/newsletter/confirm?token=" + token);
        long hours = config.confirmTtl().toHours();
        return mailer.send(Mail.withText(email, SUBJECT, Templates.text(link, hours).render())
                .setHtml(Templates.html(link, hours).render()));
    }
}
