package io.shiporskip.badge.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.shiporskip.badge.BadgeTestResources;
import java.util.List;
import java.util.stream.Collectors;

/** What api's {@code GET /api/me} (WireMock) answers for one bearer token: the account's rights now, or a refusal. */
final class ApiRights {

    private ApiRights() {
    }

    /** api's AccountView for the token's account: these roles, maker of these tools. */
    static void holds(String token, List<String> roles, List<String> tools) {
        String toolRefs = tools.stream().map(t -> "{\"slug\":\"" + t + "\",\"name\":\"" + t + "\"}")
                .collect(Collectors.joining(","));
        String rolesJson = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        answer(token, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":42,\"email\":\"maker@example.com\",\"displayName\":\"Maker\",\"emailVerified\":true,"
                        + "\"roles\":[" + rolesJson + "],\"tools\":[" + toolRefs + "],\"createdAt\":\"2026-01-01T00:00:00Z\"}"));
    }

    /** api no longer accepts the token (revoked, password changed, account disabled): its 401 problem. */
    static void refuses(String token) {
        answer(token, aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                .withHeader("WWW-Authenticate", "Bearer")
                .withBody("{\"type\":\"urn:shiporskip:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401}"));
    }

    /** api fails for this token's lookups (a 500 here; down and slow are the same to badge-service). */
    static void fails(String token) {
        answer(token, aResponse().withStatus(500));
    }

    private static void answer(String token, ResponseDefinitionBuilder response) {
        BadgeTestResources.wireMock().stubFor(get(urlEqualTo("/api/me"))
                .withHeader("Authorization", equalTo("Bearer " + token)).willReturn(response));
    }
}
