package io.shiporskip.api.tool.service;

import io.smallrye.mutiny.Uni;

/**
 * Who a maker grant names, answered by the accounts feature (which depends on tools, not the other way round).
 */
public interface MakerAccounts {

    /** The id of the account with this normalised e-mail; a 404 problem when there is none. */
    Uni<Long> requireByEmail(String email);
}
