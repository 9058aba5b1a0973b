package io.shiporskip.api.tool.service;

import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Server-Sent Events of verdict changes, for front-end apps that show a verdict live. Each event is the tool's whole
 * {@link VerdictSnapshot} (panel verdict, community counts, version), so a client never has to merge deltas.
 * Catch-up instead of replay: the first event of every connection is the current state, so a client that reconnects
 * (with or without {@code Last-Event-ID}) is current at once. Each connection keeps at most the newest pending event
 * per tool it follows (a slow reader skips intermediate states, never the last), and a comment every 15 s keeps
 * proxies from closing an idle stream.
 */
@ApplicationScoped
public class VerdictStream {

    public static final String EVENT = "verdict";
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final VerdictChanges changes;
    private final ToolService tools;

    public VerdictStream(VerdictChanges changes, ToolService tools) {
        this.changes = changes;
        this.tools = tools;
    }

    /** One tool: its current verdict, then every change. */
    public Multi<OutboundSseEvent> ofTool(String slug, Sse sse) {
        return Multi.createFrom().uni(tools.verdict(slug)).onItem().transformToMultiAndConcatenate(current -> {
            Multi<OutboundSseEvent> later = changes.slugs()
                    .filter(changed -> changed.equals(slug) || changed.equals(VerdictChanges.EVERYTHING))
                    .onOverflow().dropPreviousItems()
                    .emitOn(onThisRequestsContext())
                    .onItem().transformToUniAndConcatenate(changed -> tools.verdict(slug).onFailure().recoverWithNull())
                    .filter(snapshot -> snapshot != null)
                    .map(snapshot -> event(sse, snapshot));
            return withHeartbeat(Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(event(sse, current)), later), sse);
        });
    }

    /** The whole catalog: every change of any tool's verdict, as it commits on any api copy. */
    public Multi<OutboundSseEvent> ofCatalog(Sse sse) {
        Multi<OutboundSseEvent> all = changes.slugs()
                .filter(changed -> !changed.equals(VerdictChanges.EVERYTHING))
                .onOverflow().buffer(256)
                .emitOn(onThisRequestsContext())
                .onItem().transformToUniAndConcatenate(changed -> tools.verdict(changed).onFailure().recoverWithNull())
                .filter(snapshot -> snapshot != null)
                .map(snapshot -> event(sse, snapshot));
        return withHeartbeat(all, sse);
    }

    /**
     * Notifications arrive on the LISTEN connection's event loop; each stream reads verdicts on its own request's
     * context instead, where its database session lives (one at a time: the reads are concatenated).
     */
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
