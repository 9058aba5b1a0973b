package io.shiporskip.api.platform;

/**
 * The allowances a route spends through {@link WriteLimited}: whose they are (the signed-in account's or the client
 * address's). How large each one is comes from the configuration, through {@link RateLimits}.
 */
public enum Allowance {

    /** Writes by one account: votes, bookmarks, editorial changes, verification mails. */
    WRITES(true),

    /** Accounts created from one client address. */
    SIGN_UP(false),

    /** Password-reset mails asked for from one client address (the per-address mail cap is separate). */
    PASSWORD_RESET(false),

    /** Newsletter sign-ups from one client address (the JSON route and the review page's form). */
    NEWSLETTER_SIGN_UP(false);

    private final boolean perAccount;

    Allowance(boolean perAccount) {
        this.perAccount = perAccount;
    }

    /** Keyed by the signed-in account; otherwise by the client's address. */
    public boolean perAccount() {
        return perAccount;
    }
}
