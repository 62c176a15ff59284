package io.parkwatch.console.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertView;
import io.parkwatch.rules.wire.WireJson;
import java.util.Map;

/**
 * A board client over WebSocket: on connect it gets the whole board ({@code {"type":"snapshot"}}),
 * then every change ({@code {"type":"alert"}}) through the shared channel group.
 */
final class BoardSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final AlertBoard board;
    private final ChannelGroup clients;

    BoardSocketHandler(AlertBoard board, ChannelGroup clients) {
        this.board = board;
        this.clients = clients;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            // join first, then snapshot: a change in between is sent twice, never missed (the page keys by id)
            clients.add(ctx.channel());
            var snapshot = board.list(a -> true).stream().map(AlertView::of).toList();
            ctx.writeAndFlush(new TextWebSocketFrame(WireJson.writeString(Map.of("type", "snapshot", "alerts", snapshot))));
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // The board is read-only for now; client messages (keep-alive pings) need no answer.
    }

    static TextWebSocketFrame update(AlertView alert) {
        return new TextWebSocketFrame(WireJson.writeString(Map.of("type", "alert", "alert", alert)));
    }
}
