package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig.Jwt;
import io.shiporskip.api.config.ApiConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a production launch accepts as signing keys (plain unit test: no application is started). */
class JwtKeysTest {

    record Config(Optional<String> privateKeyLocation, Optional<String> publicKeyLocation) implements Jwt {
        @Override
        public String issuer() {
            return "https://shiporskip.example/issuer";
        }

        @Override
        public Duration lifetime() {
            return Duration.ofHours(1);
        }
    }

    static Config config(String privateKey, String publicKey) {
        return new Config(Optional.ofNullable(privateKey), Optional.ofNullable(publicKey));
    }

    @Test
    void productionRefusesTheRepositorysDevKeys() {
        Config dev = config("classpath:dev-jwt-private.pem", "classpath:dev-jwt-public.pem");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JwtKeys.load(dev, true));
        assertTrue(refused.getMessage().startsWith("Refusing to start: the JWT keys are the repository's dev/test pair"),
                refused.getMessage());
        // Dev and test launches accept them.
        assertEquals(43, JwtKeys.load(dev, false).keyId().length());
    }

    @Test
    void productionRefusesTheDevKeysCopiedElsewhere(@TempDir Path dir) throws Exception {
        Path privateKey = dir.resolve("copied-private.pem");
        Path publicKey = dir.resolve("copied-public.pem");
        Files.writeString(privateKey, KeyUtils.readKeyContent("classpath:dev-jwt-private.pem"));
        Files.writeString(publicKey, KeyUtils.readKeyContent("classpath:dev-jwt-public.pem"));
        assertThrows(IllegalStateException.class,
                () -> JwtKeys.load(config(privateKey.toString(), "file:" + publicKey), true));
    }

    @Test
    void productionRefusesMissingKeys() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> JwtKeys.load(config(null, null), true));
        assertTrue(none.getMessage().contains("SHIPORSKIP_JWT_PRIVATE_KEY"), none.getMessage());
        IllegalStateException blank = assertThrows(IllegalStateException.class,
                () -> JwtKeys.load(config("classpath:dev-jwt-private.pem", " "), true));
        assertTrue(blank.getMessage().contains("SHIPORSKIP_JWT_PUBLIC_KEY"), blank.getMessage());
        assertThrows(IllegalStateException.class,
                () -> JwtKeys.load(config("/no/such/private.pem", "/no/such/public.pem"), true));
    }

    @Test
    void productionAcceptsItsOwnPairAndRefusesAMismatchedOne(@TempDir Path dir) throws Exception {
        KeyPair own = pair();
        Path privateKey = write(dir, "private.pem", "PRIVATE KEY", own.getPrivate().getEncoded());
        Path publicKey = write(dir, "public.pem", "PUBLIC KEY", own.getPublic().getEncoded());
        JwtKeys.Pair loaded = JwtKeys.load(config(privateKey.toString(), publicKey.toString()), true);
        assertEquals(own.getPublic(), loaded.publicKey());

        Path otherPublic = write(dir, "other-public.pem", "PUBLIC KEY", pair().getPublic().getEncoded());
        IllegalStateException mismatch = assertThrows(IllegalStateException.class,
                () -> JwtKeys.load(config(privateKey.toString(), otherPublic.toString()), true));
        assertTrue(mismatch.getMessage().contains("do not belong to the same key pair"), mismatch.getMessage());
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path write(Path dir, String name, String type, byte[] der) throws Exception {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }
}
