package io.parkwatch.ingest.hj212;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A data logger over a plain socket: sends frames, reads the gateway's answers line by line. */
final class TestLogger implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    TestLogger(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String segment) throws IOException {
        send(Hj212Frames.frame(segment));
    }

    /** The next answer (a frame up to CR LF), or null when the gateway closed the connection. */
    String answer() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        for (int c; (c = in.read()) >= 0; prev = c) {
            b.write(c);
            if (prev == '\r' && c == '\n') {
                return b.toString(StandardCharsets.US_ASCII);
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    /** True when the gateway has closed the connection (read returns end of stream). */
    boolean closedByGateway() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
