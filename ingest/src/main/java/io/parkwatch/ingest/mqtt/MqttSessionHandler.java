package io.parkwatch.ingest.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the connection itself: PINGREQ, DISCONNECT, keep-alive expiry, errors. Last in the pipeline. */
final class MqttSessionHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private final io.parkwatch.ingest.metrics.GatewayMetrics metrics;

    MqttSessionHandler(io.parkwatch.ingest.metrics.GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    private static final Logger LOG = LoggerFactory.getLogger(MqttSessionHandler.class);
    private static final MqttMessage PINGRESP = new MqttMessage(
            new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        switch (msg.fixedHeader().messageType()) {
            case PINGREQ -> ctx.writeAndFlush(PINGRESP);
            case DISCONNECT -> ctx.close();
            default -> {
                LOG.info("{}: unexpected {} from a client, closing", MqttSession.remote(ctx.channel()),
                        msg.fixedHeader().messageType());
                metrics.closed(MqttPublishHandler.PROTOCOL, "protocol-error");
                ctx.close();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            LOG.info("{}: no packet within the keep-alive, closing", MqttSession.remote(ctx.channel()));
            metrics.closed(MqttPublishHandler.PROTOCOL, "idle");
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{}: connection error, closing: {}", MqttSession.remote(ctx.channel()), cause.toString());
        ctx.close();
    }
}
