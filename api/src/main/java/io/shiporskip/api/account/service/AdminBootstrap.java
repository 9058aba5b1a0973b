package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig.Admin;
import io.shiporskip.api.config.ApiConfig;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.shiporskip.api.account.service.AccountService.AdminOutcome;
import io.shiporskip.api.platform.Emails;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Creates the first editor from SHIPORSKIP_ADMIN_EMAIL / SHIPORSKIP_ADMIN_PASSWORD when no account has that
 * e-mail. An existing account is never promoted: someone else could have signed up with that address first.
 */
public class AdminBootstrap {

    static final int MIN_PASSWORD = 10;

    private final Admin config;
    private final AccountService accounts;
    private final PasswordHasher passwords;

    public AdminBootstrap(ApiConfig apiConfig, AccountService accounts, PasswordHasher passwords) {
        Admin config = apiConfig.admin();
        this.config = config;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        Optional<String> configured = config.email().filter(e -> !e.isBlank());
        if (configured.isEmpty()) {
            Log.info("No first admin configured (SHIPORSKIP_ADMIN_EMAIL); editorial routes need an existing admin");
            return;
        }
        String email;
        try {
            email = Emails.normalise("email", configured.get());
        } catch (RuntimeException e) {
            throw new IllegalStateException("SHIPORSKIP_ADMIN_EMAIL is not an e-mail address");
        }
        String password = config.password().orElse("");
        if (password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new IllegalStateException("SHIPORSKIP_ADMIN_PASSWORD must be set to 10 to 200 characters "
                    + "when SHIPORSKIP_ADMIN_EMAIL is set");
        }
        String hash = passwords.hashNow(password);
        AdminOutcome outcome = VertxContextSupport.subscribeAndAwait(
                () -> accounts.createAdminIfAbsent(email, hash));
        switch (outcome) {
            case CREATED -> {
                if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
                    // The quick-start's local admin, printed so a developer can sign in at once.
                    Log.infof("First admin created: %s with the configured dev password '%s'", email, password);
                } else {
                    Log.infof("First admin created: %s", email);
                }
            }
            case ALREADY_ADMIN -> Log.debugf("First admin %s already exists", email);
            case EXISTS_NOT_ADMIN -> Log.warnf("SHIPORSKIP_ADMIN_EMAIL names an existing non-admin account; "
                    + "it was not promoted. Choose another address for the first admin.");
        }
    }
}
