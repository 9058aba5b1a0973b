package io.shiporskip.badge.client;

import io.shiporskip.model.ToolRef;
import java.util.List;

/**
 * The part of api's {@code GET /api/me} answer (its {@code AccountView}) that says what an account may do: its roles
 * ({@code reader}, {@code maker}, {@code admin}) and the tools it is a maker of. Other fields are ignored.
 */
public record AccountRights(List<String> roles, List<ToolRef> tools) {

    public AccountRights {
        roles = roles == null ? List.of() : List.copyOf(roles);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
