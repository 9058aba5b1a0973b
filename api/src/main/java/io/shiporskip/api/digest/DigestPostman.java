package io.shiporskip.api.digest;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands one digest mail to the mail server; its own bean so a test can make it fail or stop mid-run. */
@ApplicationScoped
public class DigestPostman {

    private final ReactiveMailer mailer;

    public DigestPostman(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    public Uni<Void> send(Mail mail) {
        return mailer.send(mail);
    }
}
