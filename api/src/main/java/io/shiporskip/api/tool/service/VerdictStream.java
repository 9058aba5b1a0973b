package io.shiporskip.api.tool.service;

import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.MeterRegistry;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.platform.Quota;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimitExceeded;

/**
 * Server-Sent Events of verdict changes, for front-end apps that show a verdict live. Each event is the tool's whole
 * {@link VerdictSnapshot} (panel verdict, community counts, version), so a client never has to merge deltas.
 * Catch-up instead of replay: the first event of every connection is the current state, so a client that reconnects
 * (with or without {@code Last-Event-ID}) is current at once. Each connection keeps at most the newest pending event
 * per tool it follows (a slow reader skips intermediate states, never the last), and a comment every 15 s keeps
 * proxies from closing an idle stream. Changes are read once for all streams ({@link VerdictFanOut}); open streams are
 * capped per client address and per copy ({@code shiporskip.live.*}).
 */
@ApplicationScoped
public class VerdictStream {

    public static final String EVENT = "verdict";
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** What a refused client is told to wait: long enough that a reconnect loop does not spin. */
    static final long RETRY_AFTER_SECONDS = 10;

    private final VerdictFanOut fanOut;
    private final ToolService tools;
    private final int perClient;
    private final int overall;
    private final Map<String, AtomicInteger> openByClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public VerdictStream(VerdictFanOut fanOut, ToolService tools, ApiConfig config, MeterRegistry registry) {
        this.fanOut = fanOut;
        this.tools = tools;
        this.perClient = config.live().streamsPerClient();
        this.overall = config.live().streams();
        registry.gauge("live.streams", open);
    }

    /**
     * One tool: its current verdict, then every change. Refused with a 429 problem when the client or this copy already
     * holds as many streams as allowed (checked before anything is read).
     */
    public Multi<OutboundSseEvent> ofTool(String slug, String client, Sse sse) {
        Runnable release = admit(client);
        Multi<OutboundSseEvent> events = Multi.createFrom().uni(tools.verdict(slug)).onItem()
                .transformToMultiAndConcatenate(current -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(event(sse, current)),
                        fanOut.ofTool(slug).emitOn(onThisRequestsContext()).map(snapshot -> event(sse, snapshot))));
        return withHeartbeat(events, sse).onTermination().invoke(release);
    }

    /** The whole catalog: every change of any tool's verdict, as it commits on any api copy. */
    public Multi<OutboundSseEvent> ofCatalog(String client, Sse sse) {
        Runnable release = admit(client);
        Multi<OutboundSseEvent> all = fanOut.ofCatalog().emitOn(onThisRequestsContext())
                .map(snapshot -> event(sse, snapshot));
        return withHeartbeat(all, sse).onTermination().invoke(release);
    }

    /** Counts the stream in, or refuses it; the returned action counts it out (once). */
    private Runnable admit(String client) {
        AtomicInteger mine = openByClient.computeIfAbsent(client, key -> new AtomicInteger());
        if (mine.incrementAndGet() > perClient) {
            release(client, mine);
            throw refused("open event stream", perClient);
        }
        if (open.incrementAndGet() > overall) {
            open.decrementAndGet();
            release(client, mine);
            throw refused("open event stream (server busy)", overall);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                release(client, mine);
            }
        };
    }

    private void release(String client, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            openByClient.remove(client, mine);
        }
    }

    private static RateLimitExceeded refused(String what, int cap) {
        return new RateLimitExceeded(new RateLimit(what, cap, Duration.ofSeconds(RETRY_AFTER_SECONDS)),
                new Quota(cap, 0, RETRY_AFTER_SECONDS));
    }

    /** Snapshots arrive on the fan-out's context; each stream writes on its own request's. */
    private static Executor onThisRequestsContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private static Multi<OutboundSseEvent> withHeartbeat(Multi<OutboundSseEvent> events, Sse sse) {
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(HEARTBEAT).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, beats);
    }

    private static OutboundSseEvent event(Sse sse, VerdictSnapshot snapshot) {
        return sse.newEventBuilder().name(EVENT).id(snapshot.slug() + "@" + snapshot.version())
                .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .data(VerdictSnapshot.class, snapshot).build();
    }
}
