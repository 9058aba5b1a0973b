package io.shiporskip.api.account.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Html;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The mail that proves an account's address: one link, to a page whose button confirms (a GET alone never does). */
@ApplicationScoped
public class VerificationMail {

    public static final String SUBJECT = "Confirm your Ship or Skip account";

    private final ReactiveMailer mailer;
    private final ApiConfig.Api urls;
    private final EmailVerification verification;

    public VerificationMail(ReactiveMailer mailer, ApiConfig config, EmailVerification verification) {
        this.mailer = mailer;
        this.urls = config.api();
        this.verification = verification;
    }

    /** Never fails the caller: a lost mail is recovered with {@code POST /api/me/verification-mail}. */
    public Uni<Void> send(String email, String token) {
        String link = urls.url("/api/accounts/verification?token=" + token);
        long hours = verification.ttl().toHours();
        String text = "Someone (hopefully you) created a Ship or Skip account with this address.\n\n"
                + "Confirm it here: " + link + "\n\n"
                + "The link works once and expires in " + hours + " hours. If it wasn't you, ignore this mail.\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + Html.escape(SUBJECT) + "</title></head><body style=\"font-family:system-ui,sans-serif\">\n"
                + "<p>Someone (hopefully you) created a Ship or Skip account with this address.</p>\n"
                + "<p><a href=\"" + Html.escape(link) + "\">Confirm my address</a></p>\n"
                + "<p>The link works once and expires in " + hours + " hours. If it wasn't you, ignore this mail.</p>\n"
                + "</body></html>\n";
        return mailer.send(Mail.withText(email, SUBJECT, text).setHtml(html))
                .onFailure().invoke(e -> Log.warnf("verification mail not sent: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
