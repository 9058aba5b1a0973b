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


    /** What an account that never proved its address leaves behind when someone else signs up with it. */
    public Uni<Void> forgetLapsedRegistrant(long accountId) {
        return getSession().chain(session -> session
                .createNativeQuery("DELETE FROM catalog.bookmark WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate()
                .chain(() -> session.createNativeQuery("DELETE FROM catalog.account_verification WHERE account_id = :account")
                        .setParameter("account", accountId).executeUpdate()))
                .replaceWithVoid();
    }
}
