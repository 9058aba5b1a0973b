package io.shiporskip.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** How the api signs access tokens; badge-service verifies them with the same issuer and public key. */
@ConfigMapping(prefix = "shiporskip.jwt")
public interface JwtConfig {

    /** The {@code iss} claim; verifiers must expect exactly this value. */
    @WithDefault("https://shiporskip.example/issuer")
    String issuer();

    /** How long an access token stays valid. */
    @WithDefault("PT1H")
    Duration lifetime();

    /** PEM (PKCS#8) RSA private key: a file path, {@code file:} or {@code classpath:} location. */
    @WithName("private-key-location")
    Optional<String> privateKeyLocation();

    /** PEM (X.509 SubjectPublicKeyInfo) RSA public key, same location forms. */
    @WithName("public-key-location")
    Optional<String> publicKeyLocation();
}
