package io.parkwatch.ingest.mqtt;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers packets the decoder could not read: an unknown protocol version gets the CONNACK that says
 * so, an oversized packet a v5 DISCONNECT 0x95; either way the connection closes, others are unaffected.
 */
final class MqttDecodeFailureHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDecodeFailureHandler.class);

    private final io.parkwatch.ingest.metrics.GatewayMetrics metrics;

    MqttDecodeFailureHandler(io.parkwatch.ingest.metrics.GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MqttMessage m) || m.decoderResult().isSuccess()) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        Throwable cause = m.decoderResult().cause();
        metrics.closed(MqttPublishHandler.PROTOCOL, "protocol-error");
        String remote = MqttSession.remote(ctx.channel());
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            LOG.info("{}: unsupported MQTT protocol version, refusing", remote);
            ctx.writeAndFlush(MqttMessageBuilders.connAck()
                    .returnCode(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION).build())
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (cause instanceof TooLongFrameException && MqttSession.isV5(ctx.channel())) {
            LOG.warn("{}: packet over the size limit, disconnecting: {}", remote, cause.getMessage());
            ctx.writeAndFlush(MqttMessageBuilders.disconnect()
                    .reasonCode(MqttReasonCodes.Disconnect.PACKET_TOO_LARGE.byteValue()).build())
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            LOG.warn("{}: unreadable MQTT packet, closing: {}", remote, cause.toString());
            ctx.close();
        }
    }
}
