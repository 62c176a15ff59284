package io.parkwatch.ingest.mqtt;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.ingest.device.Device;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.intake.Origin;
import io.parkwatch.ingest.net.Backpressure;
import io.parkwatch.platform.net.PeerHost;
import io.parkwatch.platform.auth.PasswordGate;
import io.parkwatch.platform.auth.Verdict;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates the CONNECT against the device registry and answers CONNACK. Until a connection is
 * authenticated nothing else passes; a second CONNECT is a protocol violation. Password checks
 * (bcrypt, deliberately slow) go through the gateway's {@link PasswordGate}, off the event loop, with reads
 * paused meanwhile. A check the gate will not do now (too many failures for this device from this address,
 * or a full queue) is answered at once with "server busy" (MQTT 5: 0x89, 3.1.1: 0x03 server unavailable)
 * so the device tries again later; a password longer than bcrypt reads is a bad password.
 */
final class MqttConnectHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectHandler.class);

    /** Longest keep-alive the gateway accepts (seconds): a client asking 0 (none) or more gets this. */
    static final int MAX_KEEP_ALIVE = 300;
    /** Longest client id and user name taken (MQTT allows 65,535 bytes; a device needs a few dozen). */
    static final int MAX_ID_CHARS = 256;

    private final Supplier<DeviceRegistry> devices;
    private final PasswordGate passwords;
    private final int maxPacketBytes;
    private final Backpressure backpressure;
    private final io.parkwatch.ingest.metrics.GatewayMetrics metrics;

    MqttConnectHandler(Supplier<DeviceRegistry> devices, PasswordGate passwords, int maxPacketBytes,
            Backpressure backpressure, io.parkwatch.ingest.metrics.GatewayMetrics metrics) {
        super(false);
        this.metrics = metrics;
        this.devices = devices;
        this.passwords = passwords;
        this.maxPacketBytes = maxPacketBytes;
        this.backpressure = backpressure;
    }

    /** Packets a client sent right behind its CONNECT (MQTT allows that), held until the password is checked. */
    private final java.util.ArrayDeque<MqttMessage> early = new java.util.ArrayDeque<>();
    private static final int MAX_EARLY = 1000;
    private boolean authenticating;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        boolean authenticated = MqttSession.of(ctx.channel()) != null;
        if (authenticating) {
            if (early.size() >= MAX_EARLY) {
                ReferenceCountUtil.release(msg);
                LOG.warn("{}: more than {} packets before CONNACK, closing", MqttSession.remote(ctx.channel()), MAX_EARLY);
                ctx.close();
                return;
            }
            early.add(msg); // kept (this handler does not release what it reads)
            return;
        }
        if (msg.fixedHeader().messageType() != MqttMessageType.CONNECT) {
            if (authenticated) {
                ctx.fireChannelRead(msg);
            } else {
                ReferenceCountUtil.release(msg);
                LOG.debug("{}: {} before CONNECT, closing", MqttSession.remote(ctx.channel()),
                        msg.fixedHeader().messageType());
                metrics.closed(MqttPublishHandler.PROTOCOL, "protocol-error");
                ctx.close();
            }
            return;
        }
        if (authenticated) {
            LOG.info("{}: second CONNECT on one connection, closing", MqttSession.remote(ctx.channel()));
            ctx.close();
            return;
        }
        MqttConnectMessage connect = (MqttConnectMessage) msg;
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                (byte) connect.variableHeader().version());
        String user = connect.payload().userName();
        byte[] password = connect.payload().passwordInBytes();
        String clientId = connect.payload().clientIdentifier();
        int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        if ((clientId != null && clientId.length() > MAX_ID_CHARS) || (user != null && user.length() > MAX_ID_CHARS)) {
            // ids travel into logs, refusal records and caches: none of them takes a 64 KB name
            ReferenceCountUtil.release(msg);
            metrics.closed(MqttPublishHandler.PROTOCOL, "auth");
            LOG.warn("{}: refused CONNECT: client id or user name longer than {} characters",
                    MqttSession.remote(ctx.channel()), MAX_ID_CHARS);
            MqttConnectReturnCode code = clientId != null && clientId.length() > MAX_ID_CHARS
                    ? (version == MqttVersion.MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                            : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED)
                    : (version == MqttVersion.MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                            : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }

        ctx.channel().config().setAutoRead(false);
        authenticating = true;
        Optional<Device> known = Optional.ofNullable(user).flatMap(devices.get()::device);
        passwords.check(PeerHost.of(ctx.channel().remoteAddress()), user, password, known.map(Device::passwordHash).orElse(null))
                .thenAcceptAsync(v -> finish(ctx, version, user, clientId, keepAlive, v, known), ctx.executor());
    }

    private void releaseEarly() {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!authenticating) {
            releaseEarly();
        }
        super.channelInactive(ctx);
    }

    private void finish(ChannelHandlerContext ctx, MqttVersion version, String user, String clientId, int keepAlive,
            Verdict verdict, Optional<Device> device) {
        String remote = MqttSession.remote(ctx.channel());
        authenticating = false;
        if (!ctx.channel().isActive()) {
            releaseEarly();
            return; // the device left while its password was checked; its pipeline is gone
        }
        if (!verdict.accepted()) {
            releaseEarly();
            boolean later = verdict.outcome() == Verdict.Outcome.THROTTLED || verdict.outcome() == Verdict.Outcome.BUSY;
            if (later) { // counted in /metrics; a line each would let a flood fill the log
                LOG.debug("{}: CONNECT of '{}' not checked now: {}, retry in {} s", remote, user, verdict.outcome(),
                        verdict.retryAfterSeconds());
            } else {
                LOG.warn("{}: refused CONNECT of '{}' (client '{}'): {}", remote, user, clientId,
                        verdict.outcome() == Verdict.Outcome.TOO_LONG
                                ? "password longer than " + PasswordGate.MAX_PASSWORD_BYTES + " bytes"
                                : "bad user name or password");
            }
            metrics.closed(MqttPublishHandler.PROTOCOL, later ? "auth-deferred" : "auth");
            MqttConnectReturnCode code = later
                    ? (version == MqttVersion.MQTT_5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                            : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE)
                    : version == MqttVersion.MQTT_5
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        Device d = device.get();
        Origin origin = new Origin("mqtt", clientId, d.username(), d.enterpriseId(), remote, d.points());
        ctx.channel().attr(MqttSession.KEY).set(new MqttSession(d, clientId, version, origin));
        // MQTT: the server may close a connection silent for 1.5 x the keep-alive. No keep-alive (0) or a
        // very long one would let a silent connection hold a slot for ever: the gateway's maximum applies.
        int effective = keepAlive <= 0 ? MAX_KEEP_ALIVE : Math.min(keepAlive, MAX_KEEP_ALIVE);
        ctx.pipeline().replace(MqttGateway.IDLE, MqttGateway.IDLE,
                new IdleStateHandler(effective * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        MqttMessageBuilders.ConnAckBuilder ack = MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(false);
        if (version == MqttVersion.MQTT_5) {
            // Tell v5 clients up front what this ingest-only endpoint does not offer.
            ack.properties(p -> {
                p.maximumQos((byte) 1).retainAvailable(false).wildcardSubscriptionAvailable(false)
                        .sharedSubscriptionAvailable(false).subscriptionIdentifiersAvailable(false).topicAliasMaximum(0)
                        .maximumPacketSize(maxPacketBytes);
                if (effective != keepAlive) {
                    p.serverKeepAlive(effective); // v5 clients adopt it
                }
            });
        }
        ctx.writeAndFlush(ack.build());
        while (!early.isEmpty()) {
            ctx.fireChannelRead(early.poll()); // now in order, as if they had just arrived
        }
        backpressure.allowRead(ctx.channel());
        LOG.info("{}: device '{}' of {} connected as client '{}' ({})", remote, d.username(), d.enterpriseId(),
                clientId, version);
    }
}
