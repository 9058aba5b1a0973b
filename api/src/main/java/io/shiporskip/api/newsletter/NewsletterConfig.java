package io.shiporskip.api.newsletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "shiporskip.newsletter")
public interface NewsletterConfig {

    /** How long a confirmation link works; long enough for a weekend, short enough that old mails go stale. */
    @WithName("confirm-ttl")
    @WithDefault("48H")
    Duration confirmTtl();

    /** Sign-up requests per client address: the confirmation mail goes to a third party, so it must not be a spam cannon. */
    @WithName("subscribe-limit")
    Limit subscribeLimit();

    /**
     * Confirmation mails per address, whoever asks: sign-ups from many clients must not flood one mailbox.
     * Over the limit the sign-up still answers 202 and nothing happens.
     */
    @WithName("confirmation-mail-limit")
    @WithDefault("3")
    long confirmationMailsPerAddress();

    @WithName("confirmation-mail-period")
    @WithDefault("1H")
    Duration confirmationMailPeriod();

    interface Limit {
        @WithDefault("5")
        long capacity();

        @WithDefault("1H")
        Duration period();
    }
}
