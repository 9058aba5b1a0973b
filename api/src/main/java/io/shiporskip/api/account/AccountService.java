package io.shiporskip.api.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shiporskip.api.error.ApiProblem;
import io.shiporskip.api.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Accounts: sign-up, what sign-in needs to check, and "who am I". Passwords arrive here already hashed. */
@ApplicationScoped
public class AccountService {

    /** What a sign-in compares and puts into the token. */
    public record Credentials(long id, String passwordHash, boolean admin, List<String> tools) {
    }

    private final AccountRepository accounts;

    public AccountService(AccountRepository accounts) {
        this.accounts = accounts;
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
                : accounts.ownedSlugs(account.id)
                        .map(tools -> new Credentials(account.id, account.passwordHash, account.admin, tools)));
    }

    /** 401 when the token names an account that no longer exists. */
    @WithSession
    public Uni<AccountView> me(long id) {
        return accounts.findById(id).onItem().ifNull().failWith(AccountService::gone)
                .chain(account -> accounts.ownedSlugs(account.id).map(tools -> view(account, tools)));
    }

    static ApiProblem gone() {
        return new ApiProblem(401, "Unauthorized", "The account of this token no longer exists", null);
    }

    static AccountView view(Account account, List<String> tools) {
        List<String> roles = new ArrayList<>(List.of(Roles.READER));
        if (!tools.isEmpty()) {
            roles.add(Roles.MAKER);
        }
        if (account.admin) {
            roles.add(Roles.ADMIN);
        }
        return new AccountView(account.id, account.email, account.displayName, roles, tools, account.createdAt);
    }
}
