package io.parkwatch.console.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.WireJson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the pipeline: a request a handler could not deal with still gets an answer, never silence. An address
 * that does not decode (a bad percent escape) is the client's mistake, 400; anything else is ours, 500. The
 * connection is closed after it, as its state is unknown.
 */
@ChannelHandler.Sharable
final class UnhandledFailure extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledFailure.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        boolean clients = cause instanceof IllegalArgumentException;
        HttpResponseStatus status = clients ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.INTERNAL_SERVER_ERROR;
        if (clients) {
            LOG.info("refused a request from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            LOG.error("a request from {} failed", ctx.channel().remoteAddress(), cause);
        }
        if (!ctx.channel().isActive()) {
            return;
        }
        Message text = clients ? Message.of("http.bad-query", cause.getMessage(), "") : Message.of("http.internal-error", cause);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(
                WireJson.write(Map.of("error", Catalogue.of(Catalogue.DEFAULT).render(text), "errorKey", text.key(),
                        "status", status.code()))));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
}
