package io.shiporskip.api.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "shiporskip.digest")
public interface DigestConfig {

    /** Quartz-style cron (UTC) of the send job; "off" disables it. Read by {@link DigestJob}'s annotation. */
    @WithDefault("0 0 8 ? * MON")
    String cron();

    /** Subscribers claimed and mailed per transaction. */
    @WithName("batch-size")
    @WithDefault("100")
    int batchSize();
}
