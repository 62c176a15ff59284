package io.parkwatch.console.http;

import io.parkwatch.rules.text.Message;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves the board page and its script and style from the classpath ({@code web/}); 404 for the rest. */
@ChannelHandler.Sharable
final class StaticContentHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json", "application/json; charset=utf-8");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (path.equals("/")) {
            path = "/index.html";
        }
        if (!req.method().equals(HttpMethod.GET) || path.contains("..") || !path.matches("/[a-z0-9._-]+")) {
            Responses.error(ctx, req, HttpResponseStatus.NOT_FOUND, Message.of("http.not-found", path), null);
            return;
        }
        byte[] body = cache.computeIfAbsent(path, StaticContentHandler::load);
        if (body.length == 0) {
            Responses.error(ctx, req, HttpResponseStatus.NOT_FOUND, Message.of("http.not-found", path), null);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        Responses.send(ctx, req, HttpResponseStatus.OK, TYPES.getOrDefault(ext, "application/octet-stream"), body);
    }

    private static byte[] load(String path) {
        try (InputStream in = StaticContentHandler.class.getResourceAsStream("/web" + path)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
