package io.shiporskip.api.newsletter;

import io.shiporskip.api.config.ApiConfig.Api;
import io.shiporskip.api.config.ApiConfig.Newsletter;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Html;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The double opt-in mail: one link, to a page whose button confirms (a GET alone never does). */
@ApplicationScoped
public class ConfirmationMail {

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
        String text = "Someone (hopefully you) asked for the Ship or Skip weekly digest at this address.\n\n"
                + "Confirm here: " + link + "\n\n"
                + "The link works once and expires in " + hours + " hours. "
                + "If it wasn't you, ignore this mail and nothing will be sent.\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Html.escape(SUBJECT) + "</title></head><body style=\"font-family:system-ui,sans-serif\">\n"
                + "<p>Someone (hopefully you) asked for the Ship or Skip weekly digest at this address.</p>\n"
                + "<p><a href=\"" + Html.escape(link) + "\">Confirm my subscription</a></p>\n"
                + "<p>The link works once and expires in " + hours + " hours. "
                + "If it wasn't you, ignore this mail and nothing will be sent.</p>\n</body></html>\n";
        return mailer.send(Mail.withText(email, SUBJECT, text).setHtml(html));
    }
}
