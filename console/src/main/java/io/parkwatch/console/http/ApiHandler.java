package io.parkwatch.console.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertView;
import io.parkwatch.rules.model.Alert;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The JSON API: {@code GET /api/alerts} with optional filters {@code enterprise}, {@code level},
 * {@code state}, {@code point} (each may repeat), in board order.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final AlertBoard board;

    ApiHandler(AlertBoard board) {
        super(false);
        this.board = board;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        if (!q.path().startsWith("/api/")) {
            ctx.fireChannelRead(req);
            return;
        }
        try {
            if (!q.path().equals("/api/alerts")) {
                Responses.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such API: " + q.path());
            } else if (!req.method().equals(HttpMethod.GET)) {
                Responses.error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET");
            } else {
                List<AlertView> alerts = board.list(filter(q.parameters())).stream().map(AlertView::of).toList();
                Responses.json(ctx, req, HttpResponseStatus.OK, alerts);
            }
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    static Predicate<Alert> filter(Map<String, List<String>> p) {
        Predicate<Alert> f = a -> true;
        f = f.and(anyOf(p.get("enterprise"), Alert::enterpriseId));
        f = f.and(anyOf(p.get("level"), a -> a.level().name()));
        f = f.and(anyOf(p.get("state"), a -> a.state().name()));
        f = f.and(anyOf(p.get("point"), Alert::pointId));
        return f;
    }

    private static Predicate<Alert> anyOf(List<String> wanted, java.util.function.Function<Alert, String> field) {
        if (wanted == null || wanted.isEmpty()) {
            return a -> true;
        }
        return a -> wanted.stream().anyMatch(w -> w.equalsIgnoreCase(field.apply(a)));
    }
}
