package io.shiporskip.api.tool.service;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Map;

/**
 * Who a maker grant or claim names, answered by the accounts feature (which depends on tools, not the other way round).
 */
public interface MakerAccounts {

    /** The id of the account with this normalised e-mail; a 404 problem when there is none. */
    Uni<Long> requireByEmail(String email);

    /** An account as a claim sees it: where to mail it, and whether it has proved that address. */
    record Claimant(long id, String email, boolean emailVerified) {
    }

    /** The account behind a token; a 401 problem when it no longer exists. */
    Uni<Claimant> claimant(long accountId);

    /** E-mail addresses by account id, for the ids that still exist. */
    Uni<Map<Long, String>> emails(Collection<Long> accountIds);
}
