package io.shiporskip.api.account.repository;

import io.shiporskip.api.platform.ApiProblem;
import io.shiporskip.api.account.entity.Account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, Long> {

    /** {@code email} must already be normalised. */
    public Uni<Account> findByEmail(String email) {
        return find("email", email).firstResult();
    }

    /** The account a token names; a 401 problem when it no longer exists. */
    public Uni<Account> requireById(long id) {
        return findById(id).onItem().ifNull().failWith(AccountRepository::gone);
    }

    public static ApiProblem gone() {
        return new ApiProblem(401, "Unauthorized", "The account of this token no longer exists", null);
    }


    /**
     * What an account that never proved its address leaves behind when the address goes to someone else (a later
     * sign-up after its link lapsed, the mailbox's owner following a claim or reset link): its bookmarks, its
     * pending links and its devices.
     */
    public Uni<Void> forgetEarlierHolder(long accountId) {
        return getSession().chain(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String table : List.of("bookmark", "account_verification", "account_link", "device_token")) {
                // One statement at a time: a reactive session must not run two at once.
                chain = chain.chain(() -> session.createNativeQuery("DELETE FROM catalog." + table
                        + " WHERE account_id = :account").setParameter("account", accountId).executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }
}
