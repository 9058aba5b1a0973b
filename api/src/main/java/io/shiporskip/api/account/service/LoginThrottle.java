package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimitExceeded;
import io.shiporskip.api.platform.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in guesses. A guess is reserved <em>before</em> the password is checked and given back only when it was right,
 * so however many attempts arrive at once, at most the allowance is ever checked. Three allowances hold together:
 * per (account, client) — the one a guesser meets first; per client — one client trying many accounts; and a
 * higher per-account ceiling — many clients trying one account. A stranger spends their own allowance, not the
 * owner's: the owner signing in from elsewhere is refused only once the ceiling is spent. Unknown addresses are
 * counted the same way, so a 429 does not reveal which accounts exist.
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

    public LoginThrottle(RateLimiter limiter, ApiConfig config) {
        this.limiter = limiter;
        ApiConfig.Limit limit = config.limit();
        this.limits = List.of(limit.signInFailureLimit(), limit.signInFailurePerClientLimit(),
                limit.signInFailurePerAccountLimit());
    }

    /** Takes one guess from every allowance, or none and throws {@link RateLimitExceeded} for the first one spent. */
    public Guess reserve(String email, String client) {
        List<Allowance> wanted = List.of(new Allowance(limits.get(0), email + '\u0000' + client),
                new Allowance(limits.get(1), client), new Allowance(limits.get(2), email));
        List<Allowance> taken = new ArrayList<>(wanted.size());
        try {
            for (Allowance allowance : wanted) {
                limiter.consume(allowance.limit(), allowance.key());
                taken.add(allowance);
            }
        } catch (RateLimitExceeded e) {
            taken.forEach(this::giveBack);
            throw e;
        }
        return new Guess(taken);
    }

    /** The password was right: the guess does not count against anyone. */
    public void succeeded(Guess guess) {
        guess.taken().forEach(this::giveBack);
    }

    private void giveBack(Allowance allowance) {
        limiter.refund(allowance.limit(), allowance.key());
    }
}
