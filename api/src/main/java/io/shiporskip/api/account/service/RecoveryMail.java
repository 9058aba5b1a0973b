package io.shiporskip.api.account.service;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shiporskip.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The mails that hand an account back to whoever reads its address: a password reset, and the claim of an address an
 * unproved account holds. Each says which account (display name, created date) and what following it will do; each
 * link opens a page whose button or form does it (a GET alone never does). Sent through the address's {@link MailCap}.
 */
@ApplicationScoped
public class RecoveryMail {

    /** templates/RecoveryMail/: HTML (escaped by Qute) and plain-text bodies of both mails. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance resetHtml(String link, String account, String created, long minutes);

        static native TemplateInstance resetText(String link, String account, String created, long minutes);

        static native TemplateInstance claimHtml(String link, String holder, String created, String newName, long hours);

        static native TemplateInstance claimText(String link, String holder, String created, String newName, long hours);
    }

    public static final String RESET_SUBJECT = "Reset your Ship or Skip password";
    public static final String CLAIM_SUBJECT = "Your address is held by an unconfirmed Ship or Skip account";
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final MailCap mails;
    private final ApiConfig.Api urls;
    private final Duration resetTtl;
    private final Duration claimTtl;

    public RecoveryMail(MailCap mails, ApiConfig config) {
        this.mails = mails;
        this.urls = config.api();
        this.resetTtl = config.accounts().resetTtl();
        this.claimTtl = config.accounts().verifyTtl();
    }

    public Uni<Void> reset(AccountService.Recovery recovery) {
        String link = urls.url("/api/auth/password-reset/confirm?token=" + recovery.token());
        String created = DATE.format(recovery.createdAt());
        long minutes = resetTtl.toMinutes();
        return mails.send(recovery.email(), "password reset", () -> Mail.withText(recovery.email(), RESET_SUBJECT,
                        Templates.resetText(link, recovery.displayName(), created, minutes).render())
                .setHtml(Templates.resetHtml(link, recovery.displayName(), created, minutes).render()));
    }

    public Uni<Void> claim(AccountService.Collision collision) {
        String link = urls.url("/api/accounts/claim?token=" + collision.token());
        String created = DATE.format(collision.holderCreatedAt());
        long hours = claimTtl.toHours();
        return mails.send(collision.email(), "address claim", () -> Mail.withText(collision.email(), CLAIM_SUBJECT,
                        Templates.claimText(link, collision.holderName(), created, collision.newName(), hours).render())
                .setHtml(Templates.claimHtml(link, collision.holderName(), created, collision.newName(), hours).render()));
    }
}
