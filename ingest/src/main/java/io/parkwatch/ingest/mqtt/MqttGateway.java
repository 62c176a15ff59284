package io.parkwatch.ingest.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.intake.ReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import io.parkwatch.ingest.net.Backpressure;
import io.parkwatch.platform.auth.PasswordGate;
import io.parkwatch.ingest.net.ConnectionLimit;
import io.parkwatch.ingest.net.Tls;
import io.parkwatch.ingest.net.TrafficMeter;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 / 5 endpoint of the gateway, plain and over TLS. Each connection gets a pipeline of
 * small handlers: traffic meter, per-address connection limit, TLS (on the TLS port), decode, encode,
 * idle watch, decode failures, CONNECT/auth, PUBLISH, refusal of SUBSCRIBE, session.
 */
public final class MqttGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttGateway.class);
    static final String IDLE = "idle";

    private final GatewayConfig config;
    private final Supplier<DeviceRegistry> devices;
    private final ReadingIntake intake;
    private final ReadingSink sink;
    private final GatewayMetrics metrics;
    private final Backpressure backpressure;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final PasswordGate passwords;
    private Channel serverChannel;
    private Channel tlsChannel;

    public MqttGateway(GatewayConfig config, Supplier<DeviceRegistry> devices, ReadingIntake intake, ReadingSink sink,
            GatewayMetrics metrics, Backpressure backpressure, EventLoopGroup boss, EventLoopGroup workers,
            PasswordGate passwords) {
        this.passwords = passwords;
        this.config = config;
        this.devices = devices;
        this.intake = intake;
        this.sink = sink;
        this.metrics = metrics;
        this.backpressure = backpressure;
        this.boss = boss;
        this.workers = workers;
    }

    public MqttGateway start() throws InterruptedException {
        TrafficMeter meter = new TrafficMeter(MqttPublishHandler.PROTOCOL, metrics);
        ConnectionLimit limit = new ConnectionLimit(config.maxConnectionsPerAddress(),
                from -> metrics.count("parkwatch.gateway.connections.refused", "connections over the per-address limit"));
        if (config.mqttPort() >= 0) {
            serverChannel = bind(config.mqttPort(), meter, limit, null);
            LOG.info("MQTT gateway listening on {}:{} ({} devices known)", config.bindHost(), port(),
                    devices.get().size());
        }
        if (config.tls() != null) {
            SslContext ssl = Tls.serverContext(config.tls());
            tlsChannel = bind(config.tls().port(), meter, limit, ssl);
            LOG.info("MQTT over TLS listening on {}:{}", config.bindHost(), tlsPort());
        }
        if (serverChannel == null && tlsChannel == null) {
            throw new IllegalArgumentException("both MQTT ports are off (gateway.mqtt-port -1 and no gateway.tls)");
        }
        return this;
    }

    private Channel bind(int port, TrafficMeter meter, ConnectionLimit limit, SslContext ssl) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        backpressure.register(ch);
                        // PUBACKs go out as Kafka confirms batches: coalesce their flushes into fewer writes
                        ch.pipeline().addLast("flushes", new FlushConsolidationHandler(256, true))
                                .addLast("meter", meter).addLast("limit", limit);
                        if (ssl != null) {
                            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline()
                                .addLast("decoder", new MqttDecoder(config.maxPacketBytes()))
                                .addLast("encoder", MqttEncoder.INSTANCE)
                                .addLast(IDLE, new IdleStateHandler(config.connectTimeout().toMillis(), 0, 0,
                                        TimeUnit.MILLISECONDS))
                                .addLast("decode-failures", new MqttDecodeFailureHandler(metrics))
                                .addLast("connect", new MqttConnectHandler(devices, passwords, config.maxPacketBytes(),
                                        backpressure, metrics))
                                .addLast("publish", new MqttPublishHandler(intake, sink, metrics,
                                        config.maxReadingsPerSecond()))
                                .addLast("ingest-only", new MqttIngestOnlyHandler())
                                .addLast("session", new MqttSessionHandler(metrics));
                    }
                });
        return b.bind(config.bindHost(), port).sync().channel();
    }

    /** The plain port, or -1 when it is off. */
    public int port() {
        return serverChannel == null ? -1 : ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The TLS port, or -1 when it is off. */
    public int tlsPort() {
        return tlsChannel == null ? -1 : ((InetSocketAddress) tlsChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        for (Channel c : new Channel[] {serverChannel, tlsChannel}) {
            if (c != null) {
                c.close().syncUninterruptibly();
            }
        }
        LOG.info("MQTT gateway stopped");
    }
}
