package io.parkwatch.platform.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The host part of a peer's address: what limits and throttles count by (the port changes per connection). */
public final class PeerHost {

    private PeerHost() {
    }

    public static String of(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
        }
        return String.valueOf(a);
    }
}
