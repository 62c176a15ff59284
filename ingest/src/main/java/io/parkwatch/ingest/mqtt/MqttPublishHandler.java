package io.parkwatch.ingest.mqtt;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.channel.ChannelFutureListener;
import io.parkwatch.ingest.intake.IntakeResult;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.intake.ReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import io.parkwatch.ingest.net.ReadingRate;
import io.parkwatch.rules.model.RejectReason;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes PUBLISH packets: validates their readings and hands them to the sink. A QoS 1 PUBLISH is
 * acknowledged only when the sink has stored every record of it, and PUBACKs go out in the order the
 * PUBLISH packets came in. When the sink fails the connection is closed without PUBACK, so the
 * device keeps the message and sends it again after reconnecting. QoS 2 is refused.
 */
final class MqttPublishHandler extends SimpleChannelInboundHandler<MqttPublishMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublishHandler.class);

    static final String PROTOCOL = "mqtt";

    private final ReadingIntake intake;
    private final ReadingSink sink;
    private final GatewayMetrics metrics;
    private final ReadingRate rate;
    private final int perSecond;
    /** Completes when the previous PUBLISH of this connection was stored: keeps PUBACKs in order. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    MqttPublishHandler(ReadingIntake intake, ReadingSink sink, GatewayMetrics metrics, int readingsPerSecond) {
        this.intake = intake;
        this.sink = sink;
        this.metrics = metrics;
        this.rate = new ReadingRate(readingsPerSecond);
        this.perSecond = readingsPerSecond;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttPublishMessage msg) {
        MqttSession session = MqttSession.of(ctx.channel());
        MqttQoS qos = msg.fixedHeader().qosLevel();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            refuseQos2(ctx, session);
            return;
        }
        long receivedNanos = System.nanoTime();
        long receivedAt = System.currentTimeMillis();
        String topic = msg.variableHeader().topicName();
        byte[] payload = ByteBufUtil.getBytes(msg.payload());
        int packetId = msg.variableHeader().packetId();

        IntakeResult checked = intake.accept(session.origin(), topic, payload, receivedAt);
        IntakeResult result = rate.take(checked.accepted().size(), receivedNanos) ? checked
                : intake.overRate(session.origin(), topic, checked, perSecond, receivedAt);
        metrics.recorded(PROTOCOL, result);
        if (!result.allAccepted()) {
            LOG.debug("{}: {} reading(s) refused on {}: {}", session.origin().remote(), result.rejected().size(), topic,
                    result.rejected().get(0).detail());
        }
        CompletableFuture<Void> stored = sink.write(result);
        CompletableFuture<Void> inOrder = previous.thenCombine(stored, (a, b) -> null);
        previous = inOrder;
        inOrder.whenComplete((v, e) -> ctx.executor().execute(() -> {
            if (e != null) {
                if (ctx.channel().isActive()) {
                    LOG.warn("{}: could not store PUBLISH on {} ({}); closing without PUBACK so the device resends",
                            session.origin().remote(), topic, e.getMessage());
                    ctx.close();
                }
                return;
            }
            if (qos == MqttQoS.AT_LEAST_ONCE) {
                MqttMessageBuilders.PubAckBuilder ack = MqttMessageBuilders.pubAck().packetId(packetId);
                if (MqttSession.isV5(ctx.channel())) {
                    ack.reasonCode(reasonCode(result));
                }
                ctx.writeAndFlush(ack.build());
                metrics.acknowledged(PROTOCOL, receivedNanos);
            }
        }));
    }

    /** MQTT 5 devices learn from the PUBACK whether their readings were refused (and why, roughly). */
    static byte reasonCode(IntakeResult result) {
        if (result.allAccepted()) {
            return MqttReasonCodes.PubAck.SUCCESS.byteValue();
        }
        RejectReason r = result.rejected().get(0).reason();
        return switch (r) {
            case FORBIDDEN_ENTERPRISE, POINT_NOT_OF_ENTERPRISE -> MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue();
            case BAD_TOPIC -> MqttReasonCodes.PubAck.TOPIC_NAME_INVALID.byteValue();
            case MALFORMED_JSON, MISSING_VALUE, NON_NUMERIC_VALUE, MISSING_TIMESTAMP, BAD_TIMESTAMP,
                    BAD_QUALITY_FLAG -> MqttReasonCodes.PubAck.PAYLOAD_FORMAT_INVALID.byteValue();
            case PAYLOAD_TOO_LARGE, RATE_LIMITED -> MqttReasonCodes.PubAck.QUOTA_EXCEEDED.byteValue();
            case FORBIDDEN_POINT -> MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue();
            default -> MqttReasonCodes.PubAck.IMPLEMENTATION_SPECIFIC_ERROR.byteValue();
        };
    }

    private static void refuseQos2(ChannelHandlerContext ctx, MqttSession session) {
        LOG.warn("{}: QoS 2 PUBLISH refused (this gateway supports QoS 0 and 1); closing", session.origin().remote());
        if (session.version() == io.netty.handler.codec.mqtt.MqttVersion.MQTT_5) {
            MqttMessage disconnect = MqttMessageBuilders.disconnect()
                    .reasonCode(MqttReasonCodes.Disconnect.QOS_NOT_SUPPORTED.byteValue()).build();
            ctx.writeAndFlush(disconnect).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close(); // MQTT 3.1.1 has no way to refuse a PUBLISH other than closing
        }
    }
}
