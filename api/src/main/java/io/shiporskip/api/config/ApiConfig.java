package io.shiporskip.api.config;

import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.model.ReviewPage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code shiporskip.*} setting of the api, each default written here once. SmallRye maps environment
 * variables by name ({@code shiporskip.limit.sign-up} ← {@code SHIPORSKIP_LIMIT_SIGN_UP}); README's configuration
 * table lists them and {@code ConfigurationTableTest} keeps the two equal.
 */
@ConfigMapping(prefix = "shiporskip")
public interface ApiConfig {

    /** Load the demo catalog into an empty database at startup (dev and the quick-start run only). */
    @WithName("demo-data")
    @WithDefault("false")
    boolean demoData();

    Site site();

    Api api();

    @WithName("read-cache")
    ReadCache readCache();

    Newsletter newsletter();

    Digest digest();

    Live live();

    Jwt jwt();

    Admin admin();

    Limit limit();

    Accounts accounts();

    Claims claims();

    /** Makers' self-serve claims: how the api fetches a claimant's proof from the tool's website (untrusted input). */
    interface Claims {
        /** Fetch proofs over plain http too; off in production, where a proof must come over https. */
        @WithName("allow-http")
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Fetch from loopback, private, link-local, unique-local and multicast addresses too; off in production, so a
         * claim cannot make the api probe its own network.
         */
        @WithName("allow-private-addresses")
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** The whole fetch of one proof URL (connect, headers, body) must finish within this. */
        @WithName("fetch-timeout")
        @WithDefault("5S")
        Duration fetchTimeout();

        /** Bytes read from one proof URL; past it the connection is closed and the proof fails. */
        @WithName("max-bytes")
        @WithDefault("65536")
        int maxBytes();
    }

    interface Accounts {
        /**
         * How long the link that proves a new account's e-mail address works. An account not confirmed by then no
         * longer holds its address: signing up again with it starts afresh.
         */
        @WithName("verify-ttl")
        @WithDefault("48H")
        Duration verifyTtl();

        /**
         * bcrypt's cost (log2 of its rounds) for new password hashes; existing hashes keep the cost they were made
         * with. The tests lower it: each test signs in hundreds of times, and the cost is not what they test.
         */
        @WithName("password-cost")
        @WithDefault("10")
        int passwordCost();

        /** How long a mailed password-reset link works. */
        @WithName("reset-ttl")
        @WithDefault("1H")
        Duration resetTtl();

        /** How long a device token (OWASP device cookie) marks a browser or app as one the account signed in from. */
        @WithName("device-token-ttl")
        @WithDefault("P90D")
        Duration deviceTokenTtl();

        /**
         * Account mails (verification, password reset, address claim) per address, whoever asks: a bucket this large,
         * refilled over {@link #mailsPerAddressPeriod()}. Over it a route answers as usual and sends nothing.
         */
        @WithName("mails-per-address")
        @WithDefault("5")
        long mailsPerAddress();

        @WithName("mails-per-address-period")
        @WithDefault("1H")
        Duration mailsPerAddressPeriod();

        default RateLimit mailLimit() {
            return new RateLimit("account mail", mailsPerAddress(), mailsPerAddressPeriod());
        }
    }

    interface Site {
        /** Where the site's review pages live: share links point at {base-url}/tool/{slug}. */
        @WithName("base-url")
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** badge-service's public URL: the badge, widget and click-through in the review page's embed codes. */
        @WithName("badge-url")
        @WithDefault("http://localhost:8081")
        String badgeUrl();

        default String reviewPageUrl(String slug) {
            return ReviewPage.url(baseUrl(), slug);
        }
    }

    /**
     * Where this api is reachable from the outside: links in e-mails (confirm, unsubscribe), feed self links and
     * {@code Location} headers point here, never at whatever Host header a request came with.
     */
    interface Api {
        @WithName("public-url")
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** {@code path} starts with a slash. */
        default String url(String path) {
            String base = publicUrl();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        }
    }

    /** The in-memory cache of tool pages, verdicts, comparisons and list pages. */
    interface ReadCache {
        /** How long an entry lives; bounds what other api instances show after a write on this one. */
        @WithDefault("2s")
        Duration ttl();

        /** Entries per cache. */
        @WithName("max-size")
        @WithDefault("10000")
        long maxSize();
    }

    interface Newsletter {
        /** How long a confirmation link works; long enough for a weekend, short enough that old mails go stale. */
        @WithName("confirm-ttl")
        @WithDefault("48H")
        Duration confirmTtl();

        /** Sign-up requests per client address: the confirmation mail goes to a third party, so it must not be a spam cannon. */
        @WithName("subscribe-limit")
        @WithDefault("5")
        long subscribeLimit();

        @WithName("subscribe-period")
        @WithDefault("1H")
        Duration subscribePeriod();

        /**
         * Confirmation mails per address, whoever asks: sign-ups from many clients must not flood one mailbox.
         * Over the limit the sign-up still answers 202 and nothing happens.
         */
        @WithName("confirmation-mail-limit")
        @WithDefault("3")
        long confirmationMailsPerAddress();

        @WithName("confirmation-mail-period")
        @WithDefault("1H")
        Duration confirmationMailPeriod();
    }

    interface Digest {
        /** Quartz-style cron (UTC) of the send job; "off" disables it. Monday 08:00: after the week closes. */
        @WithDefault("0 0 8 ? * MON")
        String cron();

        /**
         * Subscribers claimed, mailed, then marked mailed together. A crash resends at most the batch in flight, so this
         * bounds the duplicates a crash can cause (and the memory a run holds).
         */
        @WithName("batch-size")
        @WithDefault("100")
        int batchSize();

        /** Verdicts one mail lists at most, most-shipped first; the mail links to the full week. */
        @WithName("max-entries")
        @WithDefault("20")
        int maxEntries();

        /**
         * How long a claimed, not yet mailed send belongs to the run that claimed it. A later run (another copy, or
         * this one after a crash) mails it only once this has passed: long enough for a batch to go out.
         */
        @WithName("claim-lease")
        @WithDefault("15M")
        Duration claimLease();
    }

    /** Live updates (Server-Sent Events): what one stream, one client and this copy may hold open. */
    interface Live {
        /** Event streams one client address may hold open on this copy; the next is a 429 problem. */
        @WithName("streams-per-client")
        @WithDefault("20")
        int streamsPerClient();

        /** Event streams this copy holds open at most, all clients together; the next is a 429 problem. */
        @WithDefault("10000")
        int streams();

        /**
         * Changes heard within this window share one read per tool, whatever the number of streams that show it;
         * the price is this much delay on every live event.
         */
        @WithName("coalesce-window")
        @WithDefault("100ms")
        Duration coalesceWindow();
    }

    /** How the api signs access tokens; badge-service verifies them with the same issuer and public key. */
    interface Jwt {
        /** The {@code iss} claim; verifiers must expect exactly this value. */
        @WithDefault("https://shiporskip.example/issuer")
        String issuer();

        /** How long an access token stays valid. */
        @WithDefault("PT1H")
        Duration lifetime();

        /** PEM (PKCS#8) RSA private key: a file path, {@code file:} or {@code classpath:} location. */
        @WithName("private-key")
        Optional<String> privateKeyLocation();

        /** PEM (X.509 SubjectPublicKeyInfo) RSA public key, same location forms. */
        @WithName("public-key")
        Optional<String> publicKeyLocation();
    }

    /** The first editor, created at startup when no account has this e-mail yet. */
    interface Admin {
        Optional<String> email();

        Optional<String> password();
    }

    /** Allowances that protect sign-up, sign-in and readers' writes. */
    interface Limit {
        /** Accounts created per client address. */
        @WithName("sign-up")
        @WithDefault("5")
        long signUp();

        @WithName("sign-up-period")
        @WithDefault("PT1H")
        Duration signUpPeriod();

        /** Failed sign-ins per (e-mail address, client address) before that client's further attempts are refused. */
        @WithName("sign-in-failures")
        @WithDefault("5")
        long signInFailures();

        /** The period of every sign-in allowance. */
        @WithName("sign-in-failures-period")
        @WithDefault("PT15M")
        Duration signInFailuresPeriod();

        /** Failed sign-ins per client address, whatever the accounts: one client guessing across many accounts. */
        @WithName("sign-in-failures-per-client")
        @WithDefault("20")
        long signInFailuresPerClient();

        /**
         * Failed sign-ins per e-mail address from all clients together: many clients guessing one account. Higher than
         * the per-client allowance, so a stranger alone cannot lock the owner out.
         */
        @WithName("sign-in-failures-per-account")
        @WithDefault("50")
        long signInFailuresPerAccount();

        /**
         * Failed sign-ins per device token (a browser or app that signed in to the account before): such sign-ins
         * spend only this, never the per-account ceiling, so strangers' guesses cannot lock the owner out.
         */
        @WithName("sign-in-failures-per-device")
        @WithDefault("10")
        long signInFailuresPerDevice();

        /** Password-reset requests per client address. */
        @WithName("password-resets")
        @WithDefault("5")
        long passwordResets();

        @WithName("password-resets-period")
        @WithDefault("PT1H")
        Duration passwordResetsPeriod();

        /** Writes (votes, bookmarks, editorial changes) per account. */
        @WithName("writes")
        @WithDefault("60")
        long writes();

        @WithName("writes-period")
        @WithDefault("PT1M")
        Duration writesPeriod();

        default RateLimit signUpLimit() {
            return new RateLimit("account creation", signUp(), signUpPeriod());
        }

        default RateLimit signInFailureLimit() {
            return new RateLimit("failed sign-in", signInFailures(), signInFailuresPeriod());
        }

        default RateLimit signInFailurePerClientLimit() {
            return new RateLimit("failed sign-in from this client", signInFailuresPerClient(), signInFailuresPeriod());
        }

        default RateLimit signInFailurePerAccountLimit() {
            return new RateLimit("failed sign-in for this account", signInFailuresPerAccount(), signInFailuresPeriod());
        }

        default RateLimit signInFailurePerDeviceLimit() {
            return new RateLimit("failed sign-in from this device", signInFailuresPerDevice(), signInFailuresPeriod());
        }

        default RateLimit passwordResetLimit() {
            return new RateLimit("password reset", passwordResets(), passwordResetsPeriod());
        }

        default RateLimit writeLimit() {
            return new RateLimit("write", writes(), writesPeriod());
        }
    }
}
