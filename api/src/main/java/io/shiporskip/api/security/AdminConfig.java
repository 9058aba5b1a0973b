package io.shiporskip.api.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The first editor, created at startup when no account has this e-mail yet. */
@ConfigMapping(prefix = "shiporskip.admin")
public interface AdminConfig {

    Optional<String> email();

    Optional<String> password();
}
