package io.parkwatch.ingest.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway only takes readings in: every SUBSCRIBE is answered with a failure code per topic
 * (0x80 in MQTT 3.1.1, 0x87 Not authorized with a reason string in MQTT 5); UNSUBSCRIBE is answered
 * so that clients do not hang.
 */
final class MqttIngestOnlyHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngestOnlyHandler.class);
    static final String REASON = "ParkWatch gateway is ingest-only: subscribe to alerts on the park broker instead";

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        boolean v5 = MqttSession.isV5(ctx.channel());
        if (msg instanceof MqttSubscribeMessage sub) {
            int n = sub.payload().topicSubscriptions().size();
            int[] codes = new int[n];
            Arrays.fill(codes, v5 ? MqttReasonCodes.SubAck.NOT_AUTHORIZED.byteValue() & 0xFF : MqttQoS.FAILURE.value());
            MqttProperties props = new MqttProperties();
            if (v5) {
                props.add(new MqttProperties.StringProperty(MqttProperties.MqttPropertyType.REASON_STRING.value(), REASON));
            }
            LOG.info("{}: SUBSCRIBE refused ({} topic filter(s)): ingest-only", MqttSession.remote(ctx.channel()), n);
            ctx.writeAndFlush(new MqttSubAckMessage(
                    new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                    new MqttMessageIdAndPropertiesVariableHeader(sub.variableHeader().messageId(), props),
                    new MqttSubAckPayload(codes)));
        } else if (msg instanceof MqttUnsubscribeMessage unsub) {
            MqttMessageBuilders.UnsubAckBuilder ack = MqttMessageBuilders.unsubAck()
                    .packetId(unsub.variableHeader().messageId());
            if (v5) {
                for (int i = 0; i < unsub.payload().topics().size(); i++) {
                    ack.addReasonCode((short) MqttReasonCodes.UnsubAck.NO_SUBSCRIPTION_EXISTED.byteValue());
                }
            }
            ctx.writeAndFlush(ack.build());
        } else {
            ctx.fireChannelRead(msg);
        }
    }
}
