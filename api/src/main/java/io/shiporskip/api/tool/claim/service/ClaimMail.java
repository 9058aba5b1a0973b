package io.shiporskip.api.tool.claim.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shiporskip.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The mails a claimant gets when their claim is decided: approved (by proof or by an editor) or rejected. */
@ApplicationScoped
public class ClaimMail {

    /** templates/ClaimMail/: HTML bodies (escaped by Qute) and plain-text ones. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvedHtml(String toolName, String slug, String how, String note,
                String dashboardLink, String pageLink, String claimLink);

        static native TemplateInstance approvedText(String toolName, String slug, String how, String note,
                String dashboardLink, String pageLink, String claimLink);

        static native TemplateInstance rejectedHtml(String toolName, String slug, String reason, String claimLink);

        static native TemplateInstance rejectedText(String toolName, String slug, String reason, String claimLink);
    }

    public static final String APPROVED_SUBJECT = "You are now a maker of %s on Ship or Skip";
    public static final String REJECTED_SUBJECT = "Your claim on %s was not approved";

    private final ReactiveMailer mailer;
    private final ApiConfig config;

    public ClaimMail(ReactiveMailer mailer, ApiConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** {@code how} says in words how it was proved; {@code note} is the editor's, or null. Never fails the caller. */
    public Uni<Void> approved(String email, String toolName, String slug, String claimId, String how, String note) {
        String dashboard = trimSlash(config.site().badgeUrl()) + "/makers";
        String page = config.site().reviewPageUrl(slug);
        String claim = claimLink(slug, claimId);
        return send(Mail.withText(email, subject(APPROVED_SUBJECT, toolName),
                Templates.approvedText(toolName, slug, how, note, dashboard, page, claim).render())
                .setHtml(Templates.approvedHtml(toolName, slug, how, note, dashboard, page, claim).render()));
    }

    public Uni<Void> rejected(String email, String toolName, String slug, String claimId, String reason) {
        String claim = claimLink(slug, claimId);
        return send(Mail.withText(email, subject(REJECTED_SUBJECT, toolName),
                Templates.rejectedText(toolName, slug, reason, claim).render())
                .setHtml(Templates.rejectedHtml(toolName, slug, reason, claim).render()));
    }

    private String claimLink(String slug, String claimId) {
        return config.api().url("/api/tools/" + slug + "/claims/" + claimId);
    }

    /** A subject is one line: a tool name with a line break must not add mail headers. */
    private static String subject(String format, String toolName) {
        return String.format(format, toolName.replaceAll("[\\r\\n\\t]+", " "));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Uni<Void> send(Mail mail) {
        return mailer.send(mail)
                .onFailure().invoke(e -> Log.warnf("claim mail not sent: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
