package io.shiporskip.api.platform;

import io.shiporskip.api.DemoDatabase;
import io.shiporskip.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh demo database the application reaches through a TCP relay the test can cut and restore, as a PostgreSQL
 * restart or a network fault looks to the api: live connections drop and new ones are refused until it is back.
 */
public class DatabaseOutage extends DemoDatabase {

    private static volatile Relay relay;

    public DatabaseOutage() {
        super("shiporskip_api_outage_test", SITE);
    }

    @Override
    protected TestDatabase.Coordinates reachedThrough(TestDatabase.Coordinates database) {
        relay = new Relay(database.host(), database.port());
        relay.open();
        return new TestDatabase.Coordinates("127.0.0.1", relay.port, database.database(), database.user(),
                database.password());
    }

    @Override
    public void stop() {
        if (relay != null) {
            relay.cut();
        }
    }

    /** Drops every connection to the database and refuses new ones. */
    public static void cut() {
        relay.cut();
    }

    /** Accepts connections again, on the same port. */
    public static void restore() {
        relay.open();
    }

    /** Forwards bytes both ways between each accepted socket and the database server, a thread per direction. */
    static final class Relay {
        private final String targetHost;
        private final int targetPort;
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private volatile ServerSocket server;
        private volatile int port;

        Relay(String targetHost, int targetPort) {
            this.targetHost = targetHost;
            this.targetPort = targetPort;
        }

        synchronized void open() {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                port = socket.getLocalPort();
                server = socket;
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen for the database relay", e);
            }
            ServerSocket listening = server;
            Thread acceptor = new Thread(() -> accept(listening), "db-relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        synchronized void cut() {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket socket : sockets) {
                close(socket);
            }
            sockets.clear();
        }

        private void accept(ServerSocket listening) {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    return; // the relay was cut
                }
            }
        }

        private void pipe(Socket from, Socket to) {
            Thread copier = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (SocketException closed) {
                    // cut, or the other side went away
                } catch (IOException e) {
                    // same: the connection is over
                } finally {
                    close(from);
                    close(to);
                }
            }, "db-relay-pipe");
            copier.setDaemon(true);
            copier.start();
        }

        private void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
            sockets.remove(socket);
        }
    }
}
