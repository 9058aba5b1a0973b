package io.shiporskip.api.account.service;

import io.shiporskip.api.tool.repository.ToolMakerRepository;
import io.shiporskip.api.tool.service.MakerAccounts;
import io.shiporskip.model.TokenClaims;
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
import java.util.List;

/** Accounts: sign-up, what sign-in needs to check, and "who am I". Passwords arrive here already hashed. */
@ApplicationScoped
public class AccountService implements MakerAccounts {

    /** What a sign-in compares and puts into the token. */
    public record Credentials(long id, String passwordHash, boolean admin, List<String> tools) {
    }

    private final AccountRepository accounts;
    private final ToolMakerRepository makers;

    public AccountService(AccountRepository accounts, ToolMakerRepository makers) {
        this.accounts = accounts;
        this.makers = makers;
    }

    /** {@code email} normalised, {@code passwordHash} bcrypt. 409 when the address is taken. */
    @WithTransaction
    public Uni<AccountView> create(String email, String displayName, String passwordHash) {
        return accounts.findByEmail(email).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ApiProblem.conflict("An account with this e-mail already exists"));
            }
            Account account = new Account();
            account.email = email;
            account.displayName = displayName;
            account.passwordHash = passwordHash;
            account.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return accounts.persist(account).map(saved -> view(saved, List.of()));
        });
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
                .chain(account -> makers.slugsOwnedBy(account.id).map(tools -> view(account, tools)));
    }


    static AccountView view(Account account, List<String> tools) {
        return new AccountView(account.id, account.email, account.displayName, roles(account.admin, tools), tools,
                account.createdAt);
    }

    /** The roles an account holds (the token's groups): everyone reads, owning a tool makes a maker. */
    static List<String> roles(boolean admin, List<String> ownedTools) {
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
                .map(account -> account.id);
    }
}
