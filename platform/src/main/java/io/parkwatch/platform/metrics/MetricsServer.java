package io.parkwatch.platform.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.parkwatch.platform.net.RequestDeadline;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /metrics} in the Prometheus text format, on its own port (kept off the device ports). */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final Channel server;

    public MetricsServer(String what, String bindHost, int port, Supplier<String> scrape, EventLoopGroup boss,
            EventLoopGroup workers)
            throws InterruptedException {
        server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // a scrape is a bodiless GET: small limits, and slow or idle connections are closed
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, 60, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(1024, 4096, 1024))
                                .addLast(new RequestDeadline(10_000))
                                .addLast(new HttpObjectAggregator(1024))
                                .addLast(new Scrape(scrape));
                    }
                }).bind(bindHost, port).sync().channel();
        LOG.info("{} metrics on http://{}:{}/metrics", what, bindHost, port());
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    private static final class Scrape extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Supplier<String> metrics;

        Scrape(Supplier<String> metrics) {
            this.metrics = metrics;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean ok = req.uri().equals("/metrics") || req.uri().startsWith("/metrics?");
            byte[] body = (ok ? metrics.get() : "not found; try /metrics\n").getBytes(StandardCharsets.UTF_8);
            var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    ok ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND, Unpooled.wrappedBuffer(body));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            HttpUtil.setContentLength(res, body.length);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
