package io.parkwatch.console.http;

import io.parkwatch.rules.text.Message;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.api.ApiCall;
import io.parkwatch.console.api.ApiException;
import io.parkwatch.console.api.Reply;
import io.parkwatch.console.api.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the route of an authenticated API request, calls it, and writes its reply (or error) as JSON. */
@ChannelHandler.Sharable
final class ApiRouter extends SimpleChannelInboundHandler<SessionGate.AuthenticatedRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final List<Route> routes;

    ApiRouter(List<Route> routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SessionGate.AuthenticatedRequest in) {
        FullHttpRequest req = in.request();
        try {
            QueryStringDecoder q = new QueryStringDecoder(req.uri());
            Map<String, List<String>> query;
            try {
                q.path();
                query = q.parameters(); // decoded here, so a bad escape is a 400 that says so, not a dropped request
            } catch (IllegalArgumentException e) {
                Responses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, Message.of("http.bad-query", e.getMessage(),
                        req.uri()), in.session().user());
                return;
            }
            boolean pathKnown = false;
            for (Route r : routes) {
                Optional<Map<String, String>> params = r.match(q.path());
                if (params.isEmpty()) {
                    continue;
                }
                pathKnown = true;
                if (r.method().equals(req.method().name())) {
                    ApiCall call = new ApiCall(in.session(), params.get(), query, ByteBufUtil.getBytes(req.content()),
                            ReaderLanguage.of(req, in.session().user()));
                    FullHttpRequest kept = req.retainedDuplicate();
                    run(r, call).whenComplete((reply, t) -> {
                        try {
                            write(ctx, kept, reply, t, call);
                        } finally {
                            ReferenceCountUtil.release(kept);
                        }
                    });
                    return;
                }
            }
            Responses.error(ctx, req, pathKnown ? HttpResponseStatus.METHOD_NOT_ALLOWED : HttpResponseStatus.NOT_FOUND,
                    pathKnown ? Message.of("http.method-not-allowed", req.method(), q.path())
                            : Message.of("http.no-such-api", q.path()), in.session().user());
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    private static CompletionStage<Reply> run(Route r, ApiCall call) {
        try {
            return r.endpoint().handle(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRequest req, Reply reply, Throwable t, ApiCall call) {
        if (t == null && reply.body() instanceof Reply.Csv csv) {
            // a byte-order mark: spreadsheets then read the Chinese as UTF-8
            Responses.send(ctx, req, HttpResponseStatus.valueOf(reply.status()), "text/csv; charset=utf-8",
                    Responses.utf8("\uFEFF" + csv.text()));
            return;
        }
        if (t == null && reply.body() instanceof Reply.Html html) {
            Responses.send(ctx, req, HttpResponseStatus.valueOf(reply.status()), "text/html; charset=utf-8",
                    Responses.utf8(html.page()));
            return;
        }
        if (t == null) {
            Responses.json(ctx, req, HttpResponseStatus.valueOf(reply.status()), reply.body());
            return;
        }
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof ApiException e) {
            Responses.error(ctx, req, HttpResponseStatus.valueOf(e.status()), e.text(), call.user());
        } else {
            LOG.error("{} {} failed", req.method(), req.uri(), cause);
            Responses.error(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, Message.of("http.internal-error", cause),
                    call.user());
        }
    }
}
