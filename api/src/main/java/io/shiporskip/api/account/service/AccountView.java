package io.shiporskip.api.account.service;

import io.shiporskip.model.ToolRef;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account as its owner sees it. {@code roles} are the JWT groups a new token would carry; {@code tools} the
 * tools this account is a maker of ({slug, name}, by slug; the token's {@code tools} claim lists the same slugs). {@code emailVerified}: the owner
 * followed the mailed link (maker rights need it). There is deliberately no password field.
 */
public record AccountView(long id, String email, String displayName, boolean emailVerified, List<String> roles,
        List<ToolRef> tools,
        OffsetDateTime createdAt) {
}
