package io.parkwatch.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets whose reads go through a buffer, for Paho clients in benchmarks. Paho's receiver reads each packet's fixed
 * header a byte at a time from the socket's stream, so unbuffered every PUBACK costs three or four system calls; on a
 * machine where a system call is slow the publisher, not the broker, becomes what a throughput benchmark measures
 * (issue 20, target 4: Paho's threads took 56 % of the CPU). Paho takes a socket factory in its connect options and
 * asks the socket for its stream once per connection, so the client is otherwise Paho as devices run it.
 */
final class BufferedReadSockets extends SocketFactory {

    private static final int BUFFER = 64 * 1024;

    @Override
    public Socket createSocket() {
        return new Socket() {
            private InputStream in;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new BufferedInputStream(super.getInputStream(), BUFFER);
                }
                return in;
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = createSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }
}
