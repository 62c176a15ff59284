package io.parkwatch.console.http;

import io.parkwatch.rules.text.Message;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.auth.Session;
import io.parkwatch.console.auth.SessionStore;
import java.net.URI;
import java.util.Optional;

/**
 * Lets through to the API and the live feed only requests of a live session (401 otherwise). The page
 * and its files are public: they hold no data. A WebSocket must come from this console's own page
 * (Origin check), and its session rides on the channel for the feed to check before every message.
 * A state-changing call must be JSON: a form on another site cannot send that without the browser asking.
 */
@ChannelHandler.Sharable
final class SessionGate extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final SessionStore sessions;

    SessionGate(SessionStore sessions) {
        super(false);
        this.sessions = sessions;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        boolean socket = path.equals("/ws");
        if (!socket && !path.startsWith("/api/")) {
            ctx.fireChannelRead(req);
            return;
        }
        Optional<Session> session = sessions.use(Credentials.token(req));
        Message refusal = session.isEmpty() ? Message.of("http.log-in-first")
                : socket && !sameOrigin(req) ? Message.of("http.feed-own-page-only")
                : !socket && req.method().equals(HttpMethod.POST) && !isJson(req)
                        ? Message.of("http.send-json") : null;
        if (refusal != null) {
            HttpResponseStatus status = session.isEmpty() ? HttpResponseStatus.UNAUTHORIZED
                    : socket ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE;
            Responses.error(ctx, req, status, refusal, session.map(Session::user).orElse(null));
            ReferenceCountUtil.release(req);
            return;
        }
        if (socket) {
            ctx.channel().attr(Credentials.SESSION).set(session.get());
            ctx.channel().attr(Credentials.LANGUAGE).set(ReaderLanguage.of(req, session.get().user()));
            ctx.fireChannelRead(req);
        } else {
            ctx.fireChannelRead(new AuthenticatedRequest(req, session.get()));
        }
    }

    private static boolean sameOrigin(FullHttpRequest req) {
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return true; // not a browser: the token is the proof
        }
        try {
            return URI.create(origin).getAuthority().equalsIgnoreCase(req.headers().get(HttpHeaderNames.HOST));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isJson(FullHttpRequest req) {
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    /** An API request and the session it was made in. */
    record AuthenticatedRequest(FullHttpRequest request, Session session) {
    }
}
