package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig.Jwt;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.model.DevKeys;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The RSA key pair tokens are signed with, loaded once at startup. Outside dev and test launches the application
 * refuses to start without configured keys, with a private and public key that do not belong together, or with
 * the dev pair that ships in this repository.
 */
@ApplicationScoped
public class JwtKeys {

    /** The repository's dev/test pair; never acceptable in a production launch. */
    static final String DEV_PUBLIC_KEY = "dev-jwt-public.pem";

    private final Jwt config;
    private volatile Pair pair;

    public JwtKeys(ApiConfig apiConfig) {
        Jwt config = apiConfig.jwt();
        this.config = config;
    }

    /** A loaded, checked pair with its RFC 7638 thumbprint as key id. */
    public record Pair(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey, String keyId) {
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

    /** Loads and checks the configured pair; {@code production} adds the refusal of the dev keys. */
    static Pair load(Jwt config, boolean production) {
        String privateLocation = config.privateKeyLocation().filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalStateException("No JWT private key configured: set SHIPORSKIP_JWT_PRIVATE_KEY "
                        + "(shiporskip.jwt.private-key) to the path of a PKCS#8 PEM RSA key"));
        String publicLocation = config.publicKeyLocation().filter(s -> !s.isBlank()).orElseThrow(() ->
                new IllegalStateException("No JWT public key configured: set SHIPORSKIP_JWT_PUBLIC_KEY "
                        + "(shiporskip.jwt.public-key) to the path of the matching PEM public key"));
        RSAPrivateCrtKey privateKey;
        RSAPublicKey publicKey;
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(read(privateLocation))));
            publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(read(publicLocation))));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The JWT keys at " + privateLocation + " and " + publicLocation
                    + " are not a PEM RSA private key (PKCS#8) and public key", e);
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
        return new Pair(privateKey, publicKey, thumbprint(publicKey));
    }


    /** {@code classpath:x}, {@code file:x}, or a plain path (a file if it exists, else a class-path resource). */
    static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                return classpath(location.substring("classpath:".length()));
            }
            Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            if (Files.isRegularFile(file) || location.startsWith("file:")) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            return classpath(location);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the JWT key at " + location, e);
        }
    }

    private static String classpath(String name) throws IOException {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No JWT key at classpath:" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").trim());
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
