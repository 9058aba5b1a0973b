package io.shiporskip.api.tool.claim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A maker's website for one test: a real HTTP server on 127.0.0.1 (JDK HttpServer) that serves what the test puts at
 * each path — the proof file, a home page with the meta tag, redirects, slow or oversized answers — and remembers
 * every request it got (path and Host header).
 */
public final class ProofSite implements AutoCloseable {

    public static final String WELL_KNOWN = "/.well-known/shiporskip-verification.txt";

    /** What one path answers. */
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** "host-header path" of every request. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public ProofSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI().getPath());
            try (exchange) {
                Answer answer = answers.get(exchange.getRequestURI().getPath());
                if (answer == null) {
                    text(404, "not here").answer(exchange);
                } else {
                    answer.answer(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException closedByTheClient) {
                // the api stopped reading (size cap, timeout): that is the point
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:port — a tool's website on this server. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    public ProofSite at(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public static Answer text(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    public static Answer html(String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    public static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** {@code bytes} of filler streamed chunked (no Content-Length), then {@code tail}. */
    public static Answer chunked(int bytes, String tail) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] line = "x".repeat(1023).concat("\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < bytes; sent += line.length) {
                out.write(line);
                out.flush();
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Waits before answering at all. */
    public static Answer slow(long millis, Answer then) {
        return exchange -> {
            Thread.sleep(millis);
            then.answer(exchange);
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
