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
    public record Credentials(long id, String passwordHash, boolean admin, List<String> tools) {
    }

    private final AccountRepository accounts;
    private final ToolMakerRepository makers;

    private final EmailVerification verification;

    public AccountService(AccountRepository accounts, ToolMakerRepository makers, EmailVerification verification) {
        this.accounts = accounts;
        this.makers = makers;
        this.verification = verification;
    }

    /** A new account and the token of the link that proves its address (to be mailed after the commit). */
    public record Created(AccountView account, String verificationToken) {
    }

    /**
     * {@code email} normalised, {@code passwordHash} bcrypt. 409 when the address is taken — unless the account
     * holding it never proved the address within the link's lifetime: then whoever signs up now starts afresh on
     * that row (the earlier registrant's password and bookmarks go), since only the mailbox's owner can confirm.
     */
    @WithTransaction
    public Uni<Created> create(String email, String displayName, String passwordHash) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return accounts.findByEmail(email).chain(existing -> {
            if (existing != null && (existing.emailVerifiedAt != null
                    || existing.createdAt.plus(verification.ttl()).isAfter(now))) {
                return Uni.createFrom().failure(ApiProblem.conflict(existing.emailVerifiedAt != null
                        ? "An account with this e-mail already exists"
                        : "An account with this e-mail is waiting for its address to be confirmed; if it is yours, "
                                + "follow the link in the mail we sent, or sign up again once that link has expired"));
            }
            Account account = existing != null ? existing : new Account();
            account.email = email;
            account.displayName = displayName;
            account.passwordHash = passwordHash;
            account.createdAt = now;
            Uni<Void> forgetEarlier = existing == null ? Uni.createFrom().voidItem() : accounts.forgetLapsedRegistrant(existing.id);
            return forgetEarlier.chain(() -> accounts.persist(account)).call(saved -> accounts.flush())
                    .chain(saved -> verification.issue(saved.id).map(token -> new Created(view(saved, List.of()), token)));
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
                        .map(tools -> new Credentials(account.id, account.passwordHash, account.admin, tools)));
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
