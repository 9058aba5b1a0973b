package io.shiporskip.badge.limits;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** The time every windowed limit reads: one bean, so tests can replace it with a clock they move across a window. */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    InstantSource instantSource() {
        return InstantSource.system();
    }
}
