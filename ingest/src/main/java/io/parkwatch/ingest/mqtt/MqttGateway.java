package io.parkwatch.ingest.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.intake.ReadingSink;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 3.1.1 / 5 endpoint of the gateway. Each connection gets a pipeline of small handlers:
 * decode, encode, idle watch, decode failures, CONNECT/auth, PUBLISH, refusal of SUBSCRIBE, session.
 */
public final class MqttGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttGateway.class);
    static final String IDLE = "idle";

    private final GatewayConfig config;
    private final Supplier<DeviceRegistry> devices;
    private final ReadingIntake intake;
    private final ReadingSink sink;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final ExecutorService authExecutor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "gateway-auth");
        t.setDaemon(true);
        return t;
    });
    private Channel serverChannel;

    public MqttGateway(GatewayConfig config, Supplier<DeviceRegistry> devices, ReadingIntake intake, ReadingSink sink) {
        this.config = config;
        this.devices = devices;
        this.intake = intake;
        this.sink = sink;
    }

    public MqttGateway start() throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("decoder", new MqttDecoder(config.maxPacketBytes()))
                                .addLast("encoder", MqttEncoder.INSTANCE)
                                .addLast(IDLE, new IdleStateHandler(config.connectTimeout().toMillis(), 0, 0,
                                        TimeUnit.MILLISECONDS))
                                .addLast("decode-failures", new MqttDecodeFailureHandler())
                                .addLast("connect", new MqttConnectHandler(devices, authExecutor, config.maxPacketBytes()))
                                .addLast("publish", new MqttPublishHandler(intake, sink))
                                .addLast("ingest-only", new MqttIngestOnlyHandler())
                                .addLast("session", new MqttSessionHandler());
                    }
                });
        serverChannel = b.bind(config.bindHost(), config.mqttPort()).sync().channel();
        LOG.info("MQTT gateway listening on {}:{} ({} devices known)", config.bindHost(), port(), devices.get().size());
        return this;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        authExecutor.shutdownNow();
        LOG.info("MQTT gateway stopped");
    }
}
