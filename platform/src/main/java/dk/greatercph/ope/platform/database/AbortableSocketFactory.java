package dk.greatercph.ope.platform.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets PostgreSQL's driver opens (configured as its {@code socketFactory}), remembered until closed, so
 * that when a database stops answering the requests already waiting on it are released at once (their socket is
 * closed under them) instead of when their socket timeout expires. Only sockets to that database's port are
 * touched.
 */
public final class AbortableSocketFactory extends ConnectingSocketFactory {

    private static final Set<TrackedSocket> OPEN = ConcurrentHashMap.newKeySet();

    public AbortableSocketFactory() {
    }

    /** Closes every open socket to {@code port}; answers how many. */
    static int abortAllTo(int port) {
        int aborted = 0;
        for (TrackedSocket socket : OPEN) {
            if (socket.remotePort == port) {
                try {
                    socket.close();
                    aborted++;
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }
        return aborted;
    }

    @Override
    public Socket createSocket() {
        return new TrackedSocket();
    }

    private static final class TrackedSocket extends Socket {

        private volatile int remotePort = -1;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress address) {
                remotePort = address.getPort();
            }
            OPEN.add(this);
            try {
                super.connect(endpoint, timeout);
            } catch (IOException | RuntimeException e) {
                OPEN.remove(this);
                throw e;
            }
        }

        @Override
        public synchronized void close() throws IOException {
            OPEN.remove(this);
            super.close();
        }
    }
}
