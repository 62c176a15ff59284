package io.parkwatch.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real HTTP server with the guards the console and metrics servers use, against slow and greedy clients. */
class RequestDeadlineTest {

    EventLoopGroup group;
    Channel server;

    @BeforeEach
    void start() throws Exception {
        group = new NioEventLoopGroup(1);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, 2, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new RequestDeadline(700))
                                .addLast(new HttpObjectAggregator(1024))
                                .addLast(new WebSocketServerProtocolHandler("/ws"))
                                .addLast(new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                        ctx.writeAndFlush(new TextWebSocketFrame("echo " + f.text()));
                                    }
                                })
                                .addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                        byte[] body = ("got " + req.content().readableBytes()).getBytes();
                                        var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                                                Unpooled.wrappedBuffer(body));
                                        HttpUtil.setContentLength(res, body.length);
                                        ctx.writeAndFlush(res);
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    Socket connect() throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort()), 2000);
        s.setSoTimeout(5000);
        return s;
    }

    static String readAnswer(InputStream in) throws Exception {
        byte[] buf = new byte[4096];
        int n = in.read(buf);
        return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void aClientThatTricklesItsRequestIsClosedThoughItNeverFallsSilent() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            byte[] request = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < request.length && !closed; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                    s.setSoTimeout(100); // one byte every 100 ms: a read timeout alone would never fire
                    closed = s.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    // still open
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(closed).as("closed before the request was complete").isTrue();
            assertThat(ms).isBetween(600L, 3000L);
        }
    }

    @Test
    void aPromptClientKeepsItsConnectionForSeveralRequests() throws Exception {
        long opened = System.nanoTime();
        try (Socket s = connect()) {
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(readAnswer(s.getInputStream())).startsWith("HTTP/1.1 200").endsWith("got 0");
                // a keep-alive client thinking between requests: each request has its own limit
                long next = opened + (i + 1) * 400_000_000L;
                await().pollInterval(Duration.ofMillis(20)).until(() -> System.nanoTime() >= next);
            }
            // more than one limit has passed since the connection opened, and it still serves
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aChunkedBodyBeyondTheLimitIsRefusedWith413() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String chunk = "400\r\n" + "x".repeat(1024) + "\r\n";
            try {
                for (int i = 0; i < 4; i++) {
                    out.write(chunk.getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                // the server may close while we write
            }
            assertThat(readAnswer(s.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    /**
     * A board's live feed lives for hours: once upgraded, the connection is no longer HTTP and no request deadline
     * applies (the console once closed every board 15 s after its upgrade, and the page reconnected each time).
     */
    @Test
    void aWebSocketOutlivesTheRequestDeadline() throws Exception {
        java.util.concurrent.BlockingQueue<String> got = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger(-1);
        HttpClient http = HttpClient.newHttpClient();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                + ((InetSocketAddress) server.localAddress()).getPort() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        got.add(data.toString());
                        w.request(1);
                        return null;
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        closed.set(code);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        long opened = System.nanoTime();
        // three request deadlines (700 ms) later, talking now and then, as a board's page does
        for (int i = 1; i <= 3; i++) {
            long next = opened + i * 700_000_000L;
            await().pollInterval(Duration.ofMillis(20)).until(() -> System.nanoTime() >= next);
            ws.sendText("still here " + i, true).get(2, TimeUnit.SECONDS);
            assertThat(got.poll(2, TimeUnit.SECONDS)).isEqualTo("echo still here " + i);
        }
        assertThat(closed.get()).isEqualTo(-1);
        ws.abort();
        assertThat(http).isNotNull(); // referenced to here: a client collected closes its sockets
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readAnswer(s.getInputStream())).startsWith("HTTP/1.1 200");
            long start = System.nanoTime();
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed by the server (deadline, then idle)
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
        }
    }
}
