package io.shiporskip.badge.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What production accepts as SHIPORSKIP_JWT_PUBLIC_KEY. */
class DevKeyGuardTest {

    @Test
    void theRepositorysDevKeyIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevKeyGuard.check("classpath:dev-jwt-public.pem"));
        assertTrue(e.getMessage().contains("dev/test key"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check("dev-jwt-public.pem"));
    }

    @Test
    void anotherKeyIsAccepted() {
        assertDoesNotThrow(() -> DevKeyGuard.check("classpath:other-jwt-public.pem"));
    }

    @Test
    void aJwkSetUrlIsLeftToApi() {
        assertDoesNotThrow(() -> DevKeyGuard.check("http://localhost:8080/api/auth/jwks.json"));
        assertDoesNotThrow(() -> DevKeyGuard.check("https://api.example/api/auth/jwks.json"));
    }

    @Test
    void anUnreadableOrNonPemLocationFailsWithItsName() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> DevKeyGuard.check("/nonexistent/key.pem"));
        assertTrue(missing.getMessage().contains("/nonexistent/key.pem"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check("file:/nonexistent/key.pem"));
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check("classpath:application.properties"));
    }
}
