package io.parkwatch.platform.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP connection must deliver each whole request (line, headers, body, chunked or not) within a time
 * limit, counted from the connection's opening or the previous response: a client that trickles bytes
 * (slowloris) cannot hold a connection, which a read timeout alone would allow. Idle keep-alive
 * connections are closed too (any {@link IdleStateEvent} from an idle handler before this one). After a
 * WebSocket upgrade the connection is no longer HTTP, and this handler steps aside.
 */
public final class RequestDeadline extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

    private final long limitMs;
    private ScheduledFuture<?> deadline;
    private boolean inRequest;

    public RequestDeadline(long limitMs) {
        this.limitMs = limitMs;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        arm(ctx);
        super.channelActive(ctx);
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            LOG.debug("{}: no complete request within {} ms, closing", ctx.channel().remoteAddress(), limitMs);
            ctx.close();
        }, limitMs, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        inRequest = true;
        if (msg instanceof LastHttpContent) { // also a FullHttpRequest: the request is complete
            disarm();
            inRequest = false;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse r && HttpResponseStatus.SWITCHING_PROTOCOLS.equals(r.status())) {
            // the upgrade's answer: the WebSocket handshake's own completion event is fired from the WebSocket
            // handler onwards and never reaches a handler before it, so the answer itself is the sign to go
            disarm();
            stepAside(ctx);
            super.write(ctx, msg, promise);
            return;
        }
        if (msg instanceof LastHttpContent && !inRequest) {
            promise.addListener(f -> {
                if (ctx.channel().isActive() && ctx.pipeline().context(this) != null) {
                    arm(ctx); // keep-alive: the next request has its own limit
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            disarm();
            stepAside(ctx);
        } else if (evt instanceof IdleStateEvent) {
            LOG.debug("{}: idle, closing", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    private void stepAside(ChannelHandlerContext ctx) {
        if (ctx.pipeline().context(this) != null) {
            ctx.pipeline().remove(this);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        disarm();
        super.channelInactive(ctx);
    }
}
