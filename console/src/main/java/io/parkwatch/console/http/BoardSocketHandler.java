package io.parkwatch.console.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * One board client over WebSocket: once the handshake is done it joins the live feed, which sends it
 * the board it may see and then every change it may see. Messages from the page need no answer, but
 * each one is a moment to check that its session is still live.
 */
final class BoardSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final LiveFeed feed;

    BoardSocketHandler(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            feed.join(ctx.channel());
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    /** Drained below the low water mark: a board whose messages were withheld gets the whole board. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            feed.caughtUp(ctx.channel());
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        feed.checkSession(ctx.channel());
    }
}
