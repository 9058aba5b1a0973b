package io.shiporskip.api.tool.claim.service;

import io.shiporskip.api.config.ApiConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches one URL of a claimant's website — untrusted input that the api itself requests, so every hop is guarded:
 * <ul>
 * <li>only the host of the tool's registered website, over https unless {@code allow-http};</li>
 * <li>redirects are followed only on that same host, at most {@value #MAX_REDIRECTS}; one to another host is refused;</li>
 * <li>the host is resolved first and refused when any of its addresses is loopback, private, link-local, unique-local,
 * multicast or otherwise not public (unless {@code allow-private-addresses});</li>
 * <li>one deadline for the whole fetch (DNS, connect, every hop, body), and a byte cap: past it the connection is
 * closed, not drained.</li>
 * </ul>
 * <b>DNS rebinding.</b> A name checked and then resolved again when connecting could answer a public address to the
 * check and a private one to the connect. So the connection goes to the exact address that was checked (the request's
 * server address is that IP; the Host header, SNI and certificate check still use the name). What stays open: the JVM
 * resolver's cache may answer the check from an earlier lookup (still a checked answer), and an IPv6 address that
 * embeds an IPv4 one through a translator prefix (NAT64, 64:ff9b::/96) is judged as the public IPv6 address it is.
 * Each redirect hop is resolved and checked again.
 *
 * <p>Nothing here touches the database: a claim's transaction ends before a fetch starts (ClaimService). Results come
 * back on the caller's Vert.x context; the event loop never blocks (the resolver runs on a worker thread).
 */
@ApplicationScoped
public class ProofFetcher {

    public static final int MAX_REDIRECTS = 3;
    static final String USER_AGENT = "ShipOrSkip-ClaimCheck/1.0 (+proof of tool ownership)";

    /** The guard's settings ({@code shiporskip.claims.*}). */
    public record Rules(boolean allowHttp, boolean allowPrivateAddresses, Duration timeout, int maxBytes) {

        static Rules of(ApiConfig.Claims claims) {
            return new Rules(claims.allowHttp(), claims.allowPrivateAddresses(), claims.fetchTimeout(), claims.maxBytes());
        }
    }

    /** What a fetch found: the final URL, its status and body (decoded as UTF-8), or why nothing was read. */
    public record Fetched(String url, int status, String body, String failure) {

        static Fetched failed(String url, String why) {
            return new Fetched(url, 0, null, why);
        }

        public boolean ok() {
            return failure == null && status >= 200 && status < 300;
        }

        /** For a claim's reason: "GET url answered 404", "GET url: redirected to another host …". */
        public String describe() {
            return "GET " + url + (failure != null ? ": " + failure : " answered HTTP " + status);
        }
    }

    private final Vertx vertx;
    private final Rules rules;
    private final HttpClient client;

    @Inject
    public ProofFetcher(Vertx vertx, ApiConfig config) {
        this(vertx, Rules.of(config.claims()));
    }

    /** For a test of the guard alone. */
    public ProofFetcher(Vertx vertx, Rules rules) {
        this.vertx = vertx;
        this.rules = rules;
        int timeoutMillis = (int) Math.max(1, rules.timeout().toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeoutMillis)
                .setKeepAlive(false) // one request per connection: a closed connection is the only cleanup needed
                .setTryUseCompression(false) // no Accept-Encoding: the byte cap counts what is on the wire
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxHeaderSize(16 * 1024));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Rules rules() {
        return rules;
    }

    /** GETs {@code url}, which must be on {@code host}; never fails, a refusal is a {@link Fetched#failure()}. */
    public Uni<Fetched> get(String url, String host) {
        Context caller = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        Executor onCaller = task -> caller.runOnContext(ignored -> task.run());
        return hop(url, host, 0, onCaller)
                .ifNoItem().after(rules.timeout())
                .recoverWithItem(() -> Fetched.failed(url, "no complete answer within " + seconds(rules.timeout())))
                .onFailure().recoverWithItem(e -> Fetched.failed(url, "could not be fetched (" + describe(e) + ")"))
                .emitOn(onCaller);
    }

    private Uni<Fetched> hop(String url, String host, int redirects, Executor onCaller) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return done(Fetched.failed(url, "is not a valid URL"));
        }
        String refusal = refuse(uri, host);
        if (refusal != null) {
            return done(Fetched.failed(url, refusal));
        }
        String name = bareHost(uri);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return resolve(name).emitOn(onCaller).chain(addresses -> {
            InetAddress target = null;
            for (InetAddress address : addresses) {
                if (!rules.allowPrivateAddresses() && !isPublic(address)) {
                    return done(Fetched.failed(url, "the host resolves to a non-public address (" + address.getHostAddress()
                            + "); proofs are fetched only from public addresses"));
                }
                if (target == null) {
                    target = address;
                }
            }
            if (target == null) {
                return done(Fetched.failed(url, "the host has no address"));
            }
            return request(uri, name, port, https, target).chain(answer -> {
                if (answer.location() == null) {
                    return done(answer.fetched());
                }
                URI next;
                try {
                    next = uri.resolve(answer.location().trim());
                } catch (IllegalArgumentException e) {
                    return done(Fetched.failed(url, "redirected to an invalid URL"));
                }
                String nextHost = bareHost(next);
                if (nextHost == null || !nextHost.equalsIgnoreCase(host)) {
                    return done(Fetched.failed(url, "redirected to " + next + ", on another host; redirects are "
                            + "followed only on " + host));
                }
                if (redirects >= MAX_REDIRECTS) {
                    return done(Fetched.failed(url, "more than " + MAX_REDIRECTS + " redirects"));
                }
                return hop(next.toString(), host, redirects + 1, onCaller);
            });
        });
    }

    /** Why this URL may not be fetched at all, or null. */
    private String refuse(URI uri, String host) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "is not an http or https URL";
        }
        if (scheme.equals("http") && !rules.allowHttp()) {
            return "is plain http; proofs are fetched only over https";
        }
        if (uri.getRawUserInfo() != null) {
            return "carries credentials; proofs are fetched only from plain URLs";
        }
        String name = bareHost(uri);
        if (name == null || name.isEmpty()) {
            return "has no host";
        }
        if (!name.equalsIgnoreCase(host)) {
            return "is not on the tool's website host (" + host + ")";
        }
        return null;
    }

    /** The URI's host without IPv6 brackets, lower-cased; null when it has none. */
    static String bareHost(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static Uni<InetAddress[]> resolve(String name) {
        // The JDK resolver blocks: a worker thread does it, never the event loop.
        return Uni.createFrom().item(() -> {
            try {
                return InetAddress.getAllByName(name);
            } catch (UnknownHostException e) {
                throw new UnknownHost(name);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static final class UnknownHost extends RuntimeException {
        UnknownHost(String name) {
            super("the host " + name + " does not resolve", null, false, false);
        }
    }

    /** One hop's answer: a redirect's Location, or the final result. */
    private record Answer(String location, Fetched fetched) {
    }

    private Uni<Answer> request(URI uri, String name, int port, boolean https, InetAddress target) {
        String url = uri.toString();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                // Connect to the address that was checked; the name stays the Host header, the SNI and the name the
                // certificate must carry.
                .setServer(SocketAddress.inetSocketAddress(port, target.getHostAddress()))
                .setHost(name)
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Accept", "text/html, text/plain;q=0.9, */*;q=0.1");
        int max = rules.maxBytes();
        return Uni.createFrom().<Answer>emitter(emitter -> {
            AtomicBoolean finished = new AtomicBoolean();
            HttpClientRequest[] sent = new HttpClientRequest[1];
            emitter.onTermination(() -> {
                // Timed out or cancelled: close the connection instead of reading on.
                if (finished.compareAndSet(false, true) && sent[0] != null) {
                    sent[0].reset();
                }
            });
            client.request(options).onFailure(e -> {
                if (finished.compareAndSet(false, true)) {
                    emitter.complete(new Answer(null, Fetched.failed(url, "could not connect (" + describe(e) + ")")));
                }
            }).onSuccess(request -> {
                sent[0] = request;
                request.exceptionHandler(e -> {
                    if (finished.compareAndSet(false, true)) {
                        emitter.complete(new Answer(null, Fetched.failed(url, "the connection failed (" + describe(e) + ")")));
                    }
                });
                request.send().onFailure(e -> {
                    if (finished.compareAndSet(false, true)) {
                        emitter.complete(new Answer(null, Fetched.failed(url, "the connection failed (" + describe(e) + ")")));
                    }
                }).onSuccess(response -> {
                    int status = response.statusCode();
                    String location = response.getHeader("Location");
                    if (status >= 300 && status < 400 && location != null) {
                        if (finished.compareAndSet(false, true)) {
                            request.reset(); // the redirect's body is not needed
                            emitter.complete(new Answer(location, null));
                        }
                        return;
                    }
                    String declared = response.getHeader("Content-Length");
                    if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > max) {
                        if (finished.compareAndSet(false, true)) {
                            request.reset();
                            emitter.complete(new Answer(null, Fetched.failed(url, tooLarge(max))));
                        }
                        return;
                    }
                    Buffer body = Buffer.buffer();
                    response.handler(chunk -> {
                        if (finished.get()) {
                            return;
                        }
                        if (body.length() + chunk.length() > max) {
                            if (finished.compareAndSet(false, true)) {
                                request.reset(); // stop reading: the rest is never downloaded
                                emitter.complete(new Answer(null, Fetched.failed(url, tooLarge(max))));
                            }
                            return;
                        }
                        body.appendBuffer(chunk);
                    });
                    response.exceptionHandler(e -> {
                        if (finished.compareAndSet(false, true)) {
                            emitter.complete(new Answer(null, Fetched.failed(url, "the answer broke off (" + describe(e) + ")")));
                        }
                    });
                    response.endHandler(ignored -> {
                        if (finished.compareAndSet(false, true)) {
                            emitter.complete(new Answer(null,
                                    new Fetched(url, status, body.toString(StandardCharsets.UTF_8), null)));
                        }
                    });
                });
            });
        });
    }

    private static String tooLarge(int max) {
        return "the answer is larger than " + max + " bytes; reading stopped there";
    }

    private static <T> Uni<T> done(T value) {
        return Uni.createFrom().item(value);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    private static String describe(Throwable e) {
        if (e instanceof UnknownHost) {
            return e.getMessage();
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        // A short, plain reason for the claim: no stack trace, no class names beyond the kind of failure.
        return message == null || message.isBlank() ? kind
                : message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /**
     * True for an address anyone on the internet could reach: not the unspecified, loopback, link-local, private
     * (RFC 1918, fec0::/10), unique-local (fc00::/7), carrier-grade NAT (100.64.0.0/10), multicast, benchmarking
     * (198.18.0.0/15), documentation or reserved (240.0.0.0/4, broadcast) address.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 2) // TEST-NET-1
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && !(first == 198 && second == 51 && (b[2] & 0xff) == 100) // TEST-NET-2
                    && !(first == 203 && second == 0 && (b[2] & 0xff) == 113) // TEST-NET-3
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique-local fc00::/7
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // documentation 2001:db8::/32
            }
            boolean mappedOrCompatible = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= b[i] == 0;
            }
            if (mappedOrCompatible && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                // ::a.b.c.d and ::ffff:a.b.c.d carry an IPv4 address: judge that one.
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
