package io.parkwatch.ingest.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.parkwatch.ingest.metrics.GatewayMetrics;

/** First in a device pipeline: counts the connection and the bytes it sends, by protocol. */
@ChannelHandler.Sharable
public final class TrafficMeter extends ChannelInboundHandlerAdapter {

    private final String protocol;
    private final GatewayMetrics metrics;

    public TrafficMeter(String protocol, GatewayMetrics metrics) {
        this.protocol = protocol;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        metrics.connected(protocol);
        ctx.channel().closeFuture().addListener(f -> metrics.disconnected(protocol));
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf b) {
            metrics.bytesIn(protocol, b.readableBytes());
        }
        super.channelRead(ctx, msg);
    }
}
