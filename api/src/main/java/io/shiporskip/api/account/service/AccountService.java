package io.shiporskip.api.account.service;

import io.shiporskip.api.tool.repository.ToolMakerRepository;
import io.shiporskip.api.tool.service.MakerAccounts;
import io.shiporskip.model.TokenClaims;
import io.shiporskip.model.ToolRef;
import io.shiporskip.api.account.entity.Account;
import io.shiporskip.api.account.repository.AccountRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.platform.Now;
import io.shiporskip.api.config.ApiConfig;
import java.time.Duration;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Accounts: sign-up, what sign-in needs to check, and "who am I". Passwords arrive here already hashed. */
@ApplicationScoped
public class AccountService implements MakerAccounts {

    /** What a sign-in compares and puts into the token. */
    public record Credentials(long id, String passwordHash, boolean admin, List<String> tools,
            OffsetDateTime tokensValidAfter) {
    }

    private final AccountRepository accounts;
    private final ToolMakerRepository makers;
    private final EmailVerification verification;
    private final AccountLinks links;
    private final Now clock;
    private final Duration resetTtl;

    public AccountService(AccountRepository accounts, ToolMakerRepository makers, EmailVerification verification,
            AccountLinks links, Now clock, ApiConfig config) {
        this.accounts = accounts;
        this.makers = makers;
        this.verification = verification;
        this.links = links;
        this.clock = clock;
        this.resetTtl = config.accounts().resetTtl();
    }

    /** A new account and the token of the link that proves its address (to be mailed after the commit). */
    public record Created(AccountView account, String verificationToken) {
    }

    /**
     * A sign-up with an address an unproved account holds: the claim link to mail to the address, which account holds
     * it, and the name the later sign-up gave.
     */
    public record Collision(String email, String token, String holderName, OffsetDateTime holderCreatedAt,
            String newName) {
    }

    /** What a sign-up did: exactly one of the two is set. */
    public record SignUp(Created created, Collision collision) {
    }

    /** The message of every 409 for an address an unproved account holds (the answer says no more than before). */
    public static final String HELD_BY_UNPROVED = "An account with this e-mail is waiting for its address to be "
            + "confirmed; if the address is yours, follow the link in the mail we sent it: it gives the address to your "
            + "sign-up";

    /**
     * {@code email} normalised, {@code passwordHash} bcrypt. 409 when the address is taken. When the account holding
     * it never proved it, the address's owner must still be able to win it: within the holder's link lifetime this
     * sign-up becomes a claim link (mailed by the caller, then answered with the same 409 as before) that carries this
     * password's hash and name; after it, whoever signs up starts afresh on that row.
     */
    @WithTransaction
    public Uni<SignUp> create(String email, String displayName, String passwordHash) {
        OffsetDateTime now = clock.utc();
        return accounts.findByEmail(email).chain(existing -> {
            if (existing != null && existing.emailVerifiedAt != null) {
                return Uni.createFrom().failure(ApiProblem.conflict("An account with this e-mail already exists"));
            }
            if (existing != null && existing.createdAt.plus(verification.ttl()).isAfter(now)) {
                return links.issue(existing.id, AccountLinks.Purpose.CLAIM, passwordHash, displayName, verification.ttl())
                        .map(token -> new SignUp(null, new Collision(email, token, existing.displayName,
                                existing.createdAt, displayName)));
            }
            Account account = existing != null ? existing : new Account();
            account.email = email;
            account.displayName = displayName;
            account.passwordHash = passwordHash;
            account.createdAt = now;
            Uni<Void> forgetEarlier = existing == null ? Uni.createFrom().voidItem() : accounts.forgetEarlierHolder(existing.id);
            return forgetEarlier.chain(() -> accounts.persist(account)).call(saved -> accounts.flush())
                    .chain(saved -> verification.issue(saved.id)
                            .map(token -> new SignUp(new Created(view(saved, List.of()), token), null)));
        });
    }

    /** Which account a mailed link is about, for its page. {@code newName}: the name a claim would give it. */
    public record LinkSubject(String email, String displayName, OffsetDateTime createdAt, boolean proved,
            String newName) {
    }

    /** The live link's account; 400 naming token when the link is not live (nothing changes). */
    @WithSession
    public Uni<LinkSubject> linkSubject(String token, AccountLinks.Purpose purpose) {
        return links.peek(token, purpose).chain(link -> accounts.requireById(link.accountId())
                .invoke(account -> refuseClaimOfProved(purpose, account))
                .map(account -> new LinkSubject(account.email, account.displayName, account.createdAt,
                        account.emailVerifiedAt != null, link.displayName())));
    }

    /**
     * Follows a claim link: the address's owner takes the account over with the password and name of their sign-up;
     * the earlier holder's sessions, tokens, devices, bookmarks and links end. Answers the address.
     */
    @WithTransaction
    public Uni<String> claim(String token) {
        return links.use(token, AccountLinks.Purpose.CLAIM).chain(link -> accounts.requireById(link.accountId())
                .invoke(account -> refuseClaimOfProved(AccountLinks.Purpose.CLAIM, account))
                .call(account -> {
                    account.createdAt = clock.utc(); // the owner's account starts now
                    return takeOver(account, link.passwordHash(), link.displayName());
                })
                .map(account -> account.email));
    }

    /**
     * A claim is for an address nobody proved: once the holder proved it (it was the owner's own earlier sign-up), the
     * link no longer applies, so a stale claim mail can never replace the owner's password.
     */
    private static void refuseClaimOfProved(AccountLinks.Purpose purpose, Account account) {
        if (purpose == AccountLinks.Purpose.CLAIM && account.emailVerifiedAt != null) {
            throw AccountLinks.invalid();
        }
    }

    /** Where a reset link goes and which account it is for; null when no account has the address. */
    public record Recovery(String email, String token, String displayName, OffsetDateTime createdAt) {
    }

    @WithTransaction
    public Uni<Recovery> requestReset(String email) {
        return accounts.findByEmail(email).chain(account -> account == null ? Uni.createFrom().nullItem()
                : links.issue(account.id, AccountLinks.Purpose.RESET, null, null, resetTtl)
                        .map(token -> new Recovery(account.email, token, account.displayName, account.createdAt)));
    }

    /**
     * Follows a reset link: sets the password, proves the address (the link was read in its mailbox) and revokes every
     * token issued before. An account that had not proved its address is taken over as by a claim: what its earlier
     * holder left goes.
     */
    @WithTransaction
    public Uni<Void> resetPassword(String token, String passwordHash) {
        return links.use(token, AccountLinks.Purpose.RESET).chain(link -> accounts.requireById(link.accountId()))
                .chain(account -> account.emailVerifiedAt == null ? takeOver(account, passwordHash, null)
                        : setPassword(account, passwordHash));
    }

    /** What a password change checks the current password against. */
    public record PasswordHolder(long id, String email, String displayName, String passwordHash) {
    }

    @WithSession
    public Uni<PasswordHolder> passwordHolder(long id) {
        return accounts.requireById(id).map(a -> new PasswordHolder(a.id, a.email, a.displayName, a.passwordHash));
    }

    /** A signed-in owner's new password; every token issued before it is refused from now on. */
    @WithTransaction
    public Uni<Void> changePassword(long id, String passwordHash) {
        return accounts.requireById(id).chain(account -> setPassword(account, passwordHash));
    }

    private Uni<Void> setPassword(Account account, String passwordHash) {
        account.passwordHash = passwordHash;
        account.tokensValidAfter = TokenService.revocationNow();
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> takeOver(Account account, String passwordHash, String displayName) {
        return accounts.forgetEarlierHolder(account.id).invoke(() -> {
            account.passwordHash = passwordHash;
            if (displayName != null) {
                account.displayName = displayName;
            }
            account.emailVerifiedAt = clock.utc();
            account.tokensValidAfter = TokenService.revocationNow();
        });
    }

    /** Where a renewed verification link goes. */
    public record Renewal(String email, String token) {
    }

    /** A new link for a signed-in account that has not proved its address yet; null when it has. */
    @WithTransaction
    public Uni<Renewal> renewVerification(long id) {
        return accounts.requireById(id).chain(account -> account.emailVerifiedAt != null ? Uni.createFrom().nullItem()
                : verification.issue(account.id).map(token -> new Renewal(account.email, token)));
    }

    /** The first editor from configuration; never promotes an existing account (it may not be the operator's). */
    @WithTransaction
    public Uni<AdminOutcome> createAdminIfAbsent(String email, String passwordHash) {
        return accounts.findByEmail(email).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing.admin ? AdminOutcome.ALREADY_ADMIN : AdminOutcome.EXISTS_NOT_ADMIN);
            }
            Account account = new Account();
            account.email = email;
            account.displayName = "Editor";
            account.passwordHash = passwordHash;
            account.admin = true;
            account.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            // The operator configured this address: it counts as proved.
            account.emailVerifiedAt = account.createdAt;
            return accounts.persist(account).replaceWith(AdminOutcome.CREATED);
        });
    }

    public enum AdminOutcome {
        CREATED, ALREADY_ADMIN, EXISTS_NOT_ADMIN
    }

    /** Null when no account has this (normalised) e-mail. */
    @WithSession
    public Uni<Credentials> credentials(String email) {
        return accounts.findByEmail(email).chain(account -> account == null
                ? Uni.createFrom().nullItem()
                : makers.slugsOwnedBy(account.id)
                        .map(tools -> new Credentials(account.id, account.passwordHash, account.admin, tools,
                                account.tokensValidAfter)));
    }

    /** 401 when the token names an account that no longer exists. */
    @WithSession
    public Uni<AccountView> me(long id) {
        return accounts.requireById(id)
                .chain(account -> makers.toolsOwnedBy(account.id).map(tools -> view(account, tools)));
    }


    static AccountView view(Account account, List<ToolRef> tools) {
        return new AccountView(account.id, account.email, account.displayName, account.emailVerifiedAt != null,
                roles(account.admin, tools), tools, account.createdAt);
    }

    /** The roles an account holds (the token's groups): everyone reads, owning a tool makes a maker. */
    static List<String> roles(boolean admin, List<?> ownedTools) {
        List<String> roles = new ArrayList<>(List.of(TokenClaims.READER));
        if (!ownedTools.isEmpty()) {
            roles.add(TokenClaims.MAKER);
        }
        if (admin) {
            roles.add(TokenClaims.ADMIN);
        }
        return roles;
    }

    @Override
    @WithSession
    public Uni<Long> requireByEmail(String email) {
        return accounts.findByEmail(email).onItem().ifNull()
                .failWith(() -> ApiProblem.notFound("No account with e-mail '" + email + "'"))
                .map(account -> {
                    if (account.emailVerifiedAt == null) {
                        throw ApiProblem.conflict("The account with e-mail '" + email + "' has not confirmed its "
                                + "address yet; maker rights go only to a confirmed address");
                    }
                    return account.id;
                });
    }

    /** Joins the caller's session when there is one (a claim's transaction). */
    @Override
    @WithSession
    public Uni<Claimant> claimant(long accountId) {
        return accounts.requireById(accountId)
                .map(account -> new Claimant(account.id, account.email, account.emailVerifiedAt != null));
    }

    @Override
    @WithSession
    public Uni<Map<Long, String>> emails(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return accounts.list("id in ?1", List.copyOf(accountIds)).map(found -> {
            Map<Long, String> emails = new HashMap<>();
            found.forEach(account -> emails.put(account.id, account.email));
            return emails;
        });
    }
}
