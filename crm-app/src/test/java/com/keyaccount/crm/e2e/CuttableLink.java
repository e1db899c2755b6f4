package com.keyaccount.crm.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The phone's connection to the app, as a TCP relay the test can cut: the browser opens the app
 * through {@link #port()}. Cut, every open connection is dropped and every new one closed at
 * once, so every request fails as without a signal — the page's, and the service worker's own
 * fetches too, which the DevTools' network emulation of the page does not reach.
 */
final class CuttableLink implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "cuttable-link");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;

    CuttableLink(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** No signal: open connections dropped, new ones refused. */
    void cut() {
        cut = true;
        open.forEach(CuttableLink::drop);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    drop(client);
                    continue;
                }
                Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(app);
                threads.submit(() -> pipe(client, app));
                threads.submit(() -> pipe(app, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException dropped) {
            // the other side is gone, or the link was cut
        } finally {
            drop(from);
            drop(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Closed with a reset, as a lost connection looks to the browser. */
    private static void drop(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException alreadyClosed) {
            // nothing to drop
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
        threads.shutdownNow();
    }
}
