package io.parkwatch.console.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writing HTTP responses, honouring keep-alive. */
final class Responses {

    private Responses() {
    }

    static void json(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, Object body) {
        json(ctx, req, status, body, Map.of());
    }

    static void json(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, Object body,
            Map<String, String> headers) {
        send(ctx, req, status, "application/json; charset=utf-8", WireJson.write(body), headers);
    }

    /** A refusal, in the reader's language ({@link ReaderLanguage}); {@code errorKey} names it for programs. */
    static void error(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, Message message,
            ConsoleUser reader) {
        error(ctx, req, status, message, reader, Map.of());
    }

    static void error(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, Message message,
            ConsoleUser reader, Map<String, String> headers) {
        json(ctx, req, status, Map.of("error", ReaderLanguage.of(req, reader).render(message), "errorKey",
                message.key(), "status", status.code()), headers);
    }

    static void send(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String contentType,
            byte[] body) {
        send(ctx, req, status, contentType, body, Map.of());
    }

    static void send(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String contentType,
            byte[] body, Map<String, String> headers) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        headers.forEach((k, v) -> res.headers().set(k, v));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        HttpUtil.setContentLength(res, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
