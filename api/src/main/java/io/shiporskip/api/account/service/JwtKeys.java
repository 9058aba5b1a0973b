package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig.Jwt;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.DevKeys;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The RSA key pair tokens are signed with. smallrye-jwt loads and uses it (application.properties points
 * {@code smallrye.jwt.sign.key.location} and {@code mp.jwt.verify.publickey.location} at {@code shiporskip.jwt.*});
 * this bean checks the pair once at startup and publishes the public half. Outside dev and test launches the
 * application refuses to start without configured keys, with a private and public key that do not belong together,
 * or with the dev pair whose private half is in git (test-support's resources).
 */
@ApplicationScoped
public class JwtKeys {

    private final Jwt config;
    private volatile Pair pair;

    public JwtKeys(ApiConfig apiConfig) {
        this.config = apiConfig.jwt();
    }

    /** A checked pair's public key with its RFC 7638 thumbprint as key id. */
    public record Pair(RSAPublicKey publicKey, String keyId) {
    }

    void onStart(@Observes StartupEvent event) {
        pair = load(config, LaunchMode.current() == LaunchMode.NORMAL);
        Log.infof("JWT signing key %s loaded (issuer %s)", pair.keyId(), config.issuer());
    }

    public Pair pair() {
        Pair loaded = pair;
        if (loaded == null) {
            loaded = pair = load(config, LaunchMode.current() == LaunchMode.NORMAL);
        }
        return loaded;
    }

    /** The public key as a JWK Set, for verifiers that fetch keys over HTTP. */
    public Map<String, Object> jwks() {
        RSAPublicKey key = pair().publicKey();
        return Map.of("keys", List.of(Map.of(
                "kty", "RSA",
                "use", "sig",
                "alg", "RS256",
                "kid", pair().keyId(),
                "n", base64Url(key.getModulus()),
                "e", base64Url(key.getPublicExponent()))));
    }

    /** Reads and checks the configured pair; {@code production} adds the refusal of the dev keys. */
    static Pair load(Jwt config, boolean production) {
        String privateLocation = config.privateKeyLocation().filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalStateException("No JWT private key configured: set SHIPORSKIP_JWT_PRIVATE_KEY "
                        + "(shiporskip.jwt.private-key) to the path of a PKCS#8 PEM RSA key"));
        String publicLocation = config.publicKeyLocation().filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalStateException("No JWT public key configured: set SHIPORSKIP_JWT_PUBLIC_KEY "
                        + "(shiporskip.jwt.public-key) to the path of the matching PEM public key"));
        RSAPrivateKey privateKey;
        RSAPublicKey publicKey;
        try {
            // The loader smallrye-jwt signs and verifies with: the same location forms, the same parsing.
            privateKey = (RSAPrivateKey) KeyUtils.decodePrivateKey(KeyUtils.readKeyContent(privateLocation));
            publicKey = (RSAPublicKey) KeyUtils.decodePublicKey(KeyUtils.readKeyContent(publicLocation));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The JWT keys at " + privateLocation + " and " + publicLocation
                    + " are not a readable PEM RSA private key (PKCS#8) and public key", e);
        }
        if (!privateKey.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalStateException("The JWT private key " + privateLocation + " and public key "
                    + publicLocation + " do not belong to the same key pair");
        }
        if (publicKey.getModulus().bitLength() < 2048) {
            throw new IllegalStateException("The JWT key pair must be RSA 2048 bits or larger for RS256");
        }
        if (production && DevKeys.isDevKey(publicKey)) {
            throw new IllegalStateException("Refusing to start: the JWT keys are the repository's dev/test pair. "
                    + "Generate a private pair and set SHIPORSKIP_JWT_PRIVATE_KEY and SHIPORSKIP_JWT_PUBLIC_KEY");
        }
        return new Pair(publicKey, thumbprint(publicKey));
    }

    /** RFC 7638 JWK thumbprint: stable across restarts, changes with the key. */
    static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // unsigned big-endian, as JWK wants
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
