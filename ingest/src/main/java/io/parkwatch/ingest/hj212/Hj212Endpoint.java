package io.parkwatch.ingest.hj212;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.intake.ReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import io.parkwatch.ingest.net.Backpressure;
import io.parkwatch.platform.auth.PasswordGate;
import io.parkwatch.ingest.net.ConnectionLimit;
import io.parkwatch.ingest.net.TrafficMeter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HJ 212-2017 TCP endpoint: meter, connection limit, idle watch, frame decoder, handler. */
public final class Hj212Endpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212Endpoint.class);

    /** Settings of the endpoint (section {@code gateway.hj212}). */
    public record Settings(String bindHost, int port, int maxSegment, Duration idle, ZoneId zone, Duration splitMaxAge,
            int maxConnectionsPerAddress) {
    }

    private final Channel server;

    public Hj212Endpoint(Settings s, EventLoopGroup boss, EventLoopGroup workers, Supplier<Map<String, Hj212Logger>> loggers,
            ReadingIntake intake, ReadingSink sink, GatewayMetrics metrics, Backpressure backpressure,
            PasswordGate passwords) throws InterruptedException {
        TrafficMeter meter = new TrafficMeter(Hj212Handler.PROTOCOL, metrics);
        ConnectionLimit limit = new ConnectionLimit(s.maxConnectionsPerAddress(),
                from -> metrics.count("parkwatch.gateway.connections.refused", "connections over the per-address limit"));
        server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        backpressure.register(ch);
                        ch.pipeline()
                                .addLast("meter", meter)
                                .addLast("limit", limit)
                                .addLast("idle", new IdleStateHandler(s.idle().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("frames", new Hj212FrameDecoder(s.maxSegment()))
                                .addLast("junk", new Hj212JunkLimit(MAX_JUNK_RUNS, s.maxSegment(), MAX_JUNK_BYTES))
                                .addLast("logger", new Hj212Handler(loggers, intake, sink, metrics, passwords,
                                        s.zone(), s.splitMaxAge().toMillis()));
                    }
                })
                .bind(s.bindHost(), s.port()).sync().channel();
        LOG.info("HJ 212 endpoint listening on {}:{} ({} data loggers known)", s.bindHost(), port(),
                loggers.get().size());
    }

    /** Runs of garbage one connection may send (each one refusal on the rejected topic) before it is closed. */
    static final int MAX_JUNK_RUNS = 8;
    /** Bytes of garbage one connection may send without a good frame before it is closed. */
    static final long MAX_JUNK_BYTES = 64 * 1024;

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }
}
