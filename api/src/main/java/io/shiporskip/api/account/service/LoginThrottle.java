package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimitExceeded;
import io.shiporskip.api.platform.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in guesses. A guess is reserved <em>before</em> the password is checked and given back only when it was right,
 * so however many attempts arrive at once, at most the allowance is ever checked. Three allowances hold together:
 * per (account, client) — the one a guesser meets first; per client — one client trying many accounts; and a
 * higher per-account ceiling — many clients trying one account. A stranger spends their own allowance, not the
 * owner's: the owner signing in from elsewhere is refused only once the ceiling is spent. Unknown addresses are
 * counted the same way, so a 429 does not reveal which accounts exist. The allowances are the same for every api copy.
 */
@ApplicationScoped
public class LoginThrottle {

    /** The allowances one attempt took; {@link #succeeded} gives them back. */
    public record Guess(List<Allowance> taken) {
    }

    record Allowance(RateLimit limit, String key) {
    }

    private final RateLimiter limiter;
    private final List<RateLimit> limits;
    private final RateLimit perDevice;

    @Inject
    public LoginThrottle(RateLimiter limiter, ApiConfig config) {
        this(limiter, config.limit().signInFailureLimit(), config.limit().signInFailurePerClientLimit(),
                config.limit().signInFailurePerAccountLimit(), config.limit().signInFailurePerDeviceLimit());
    }

    /** The three allowances: per (account, client), per client, per account; a device's is the per-pair one. */
    public LoginThrottle(RateLimiter limiter, RateLimit perAccountAndClient, RateLimit perClient, RateLimit perAccount) {
        this(limiter, perAccountAndClient, perClient, perAccount, perAccountAndClient);
    }

    public LoginThrottle(RateLimiter limiter, RateLimit perAccountAndClient, RateLimit perClient, RateLimit perAccount,
            RateLimit perDevice) {
        this.limiter = limiter;
        this.limits = List.of(perAccountAndClient, perClient, perAccount);
        this.perDevice = perDevice;
    }

    /**
     * A guess from a device that signed in to this account before (a valid device token, OWASP's device cookie): it
     * spends only that device's allowance, never the account-wide ceiling or a shared client address's, so strangers
     * guessing elsewhere cannot lock the owner out.
     */
    public Uni<Guess> reserveForDevice(String deviceToken) {
        Allowance allowance = new Allowance(perDevice, "device:" + deviceToken);
        return RateLimiter.blocking(() -> {
            limiter.consumeNow(allowance.limit(), allowance.key());
            return new Guess(List.of(allowance));
        });
    }

    /**
     * Takes one guess from every allowance, or none and fails with {@link RateLimitExceeded} for the first one spent.
     * The buckets are in PostgreSQL, shared by every api copy: one worker-thread trip for the three of them.
     */
    public Uni<Guess> reserve(String email, String client) {
        List<Allowance> wanted = List.of(new Allowance(limits.get(0), email + '\u0000' + client),
                new Allowance(limits.get(1), client), new Allowance(limits.get(2), email));
        return RateLimiter.blocking(() -> {
            List<Allowance> taken = new ArrayList<>(wanted.size());
            try {
                for (Allowance allowance : wanted) {
                    limiter.consumeNow(allowance.limit(), allowance.key());
                    taken.add(allowance);
                }
            } catch (RuntimeException e) {
                taken.forEach(this::giveBack);
                throw e;
            }
            return new Guess(List.copyOf(taken));
        });
    }

    /** The password was right: the guess does not count against anyone. */
    public Uni<Void> succeeded(Guess guess) {
        return RateLimiter.blocking(() -> {
            guess.taken().forEach(this::giveBack);
            return null;
        });
    }

    private void giveBack(Allowance allowance) {
        limiter.refundNow(allowance.limit(), allowance.key());
    }
}
