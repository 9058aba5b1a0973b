package io.shiporskip.badge.security;

import io.shiporskip.model.DevKeys;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Production refuses to verify tokens with the repository's dev public key: its private half is in git, so
 * anyone could sign an admin token. (api refuses to sign with it; this covers a badge-service pointed at it.)
 */
@ApplicationScoped
public class DevKeyGuard {

    private final String location;

    public DevKeyGuard(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String location) {
        this.location = location;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            check(location);
        }
    }

    /** Fails for the dev key or an unreadable PEM; a JWK Set URL is api's business (api refuses the dev pair). */
    static void check(String location) {
        if (location.startsWith("http:") || location.startsWith("https:")) {
            Log.infof("JWT keys: api's JWK Set at %s, fetched on the first token", location);
            return;
        }
        String pem = read(location);
        byte[] der;
        try {
            der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SHIPORSKIP_JWT_PUBLIC_KEY (" + location + ") is not a PEM public key", e);
        }
        if (DevKeys.isDevKey(der)) {
            throw new IllegalStateException("Refusing to start: SHIPORSKIP_JWT_PUBLIC_KEY (" + location + ") is the repository's "
                    + "dev/test key. Point it at api's production public key, or unset it to use api's JWK Set");
        }
        Log.infof("JWT keys: PEM public key from %s", location);
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                return classpath(location.substring("classpath:".length()), location);
            }
            Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            if (Files.isRegularFile(file) || location.startsWith("file:")) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            return classpath(location, location);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the JWT public key at " + location + " (SHIPORSKIP_JWT_PUBLIC_KEY)", e);
        }
    }

    private static String classpath(String resource, String location) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no such file or class-path resource: " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

}
