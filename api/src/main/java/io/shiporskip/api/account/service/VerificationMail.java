package io.shiporskip.api.account.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.mailer.Mail;
import io.shiporskip.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The mail that proves an account's address: one link, to a page whose button confirms (a GET alone never does). */
@ApplicationScoped
public class VerificationMail {

    /** templates/VerificationMail/: the mail's HTML (escaped by Qute) and plain-text bodies. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(String link, long hours);

        static native TemplateInstance text(String link, long hours);
    }

    public static final String SUBJECT = "Confirm your Ship or Skip account";

    private final MailCap mails;
    private final ApiConfig.Api urls;
    private final EmailVerification verification;

    public VerificationMail(MailCap mails, ApiConfig config, EmailVerification verification) {
        this.mails = mails;
        this.urls = config.api();
        this.verification = verification;
    }

    /** Within the address's mail cap, after the answer; a lost mail is recovered with {@code POST /api/me/verification-mail}. */
    public Uni<Void> send(String email, String token) {
        String link = urls.url("/api/accounts/verification?token=" + token);
        long hours = verification.ttl().toHours();
        return mails.send(email, "verification", () -> Mail.withText(email, SUBJECT, Templates.text(link, hours).render())
                .setHtml(Templates.html(link, hours).render()));
    }
}
