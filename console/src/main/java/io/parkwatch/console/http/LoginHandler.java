package io.parkwatch.console.http;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.parkwatch.platform.net.PeerHost;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.auth.Login;
import io.parkwatch.console.auth.Session;
import io.parkwatch.console.auth.SessionStore;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/login} with {@code {"username": ..., "password": ...}} and {@code POST /api/logout}.
 * The password check (bcrypt, slow on purpose) runs on its own threads, never on the network threads.
 */
@ChannelHandler.Sharable
final class LoginHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(LoginHandler.class);

    private final Login login;
    private final SessionStore sessions;

    LoginHandler(Login login, SessionStore sessions) {
        super(false);
        this.login = login;
        this.sessions = sessions;
    }

    private record Attempt(String username, String password) {
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (!path.equals("/api/login") && !path.equals("/api/logout")) {
            ctx.fireChannelRead(req);
            return;
        }
        if (!req.method().equals(HttpMethod.POST)) {
            Responses.error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, Message.of("http.use-post"), null);
            ReferenceCountUtil.release(req);
            return;
        }
        if (path.equals("/api/logout")) {
            sessions.close(Credentials.token(req));
            Responses.json(ctx, req, HttpResponseStatus.OK, Map.of("status", "logged out"),
                    Map.of(HttpHeaderNames.SET_COOKIE.toString(), Credentials.expiredCookie()));
            ReferenceCountUtil.release(req);
            return;
        }
        Attempt attempt;
        try {
            attempt = WireJson.read(req.content().toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
                    Attempt.class);
        } catch (RuntimeException e) {
            Responses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, Message.of("login.body"), null);
            ReferenceCountUtil.release(req);
            return;
        }
        login.attempt(PeerHost.of(ctx.channel().remoteAddress()), attempt.username(), attempt.password())
                .whenCompleteAsync((result, failure) -> {
                    try {
                        answer(ctx, req, result, attempt.username());
                    } finally {
                        ReferenceCountUtil.release(req);
                    }
                }, ctx.executor());
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest req, Login.Result r, String username) {
        String from = String.valueOf(ctx.channel().remoteAddress());
        if (r.session() == null) {
            LOG.warn("console login refused for '{}' from {}: {}", username, from, Catalogue.english().render(r.reason()));
            Map<String, String> headers = r.retryAfterSeconds() > 0
                    ? Map.of(HttpHeaderNames.RETRY_AFTER.toString(), String.valueOf(r.retryAfterSeconds())) : Map.of();
            Responses.error(ctx, req, HttpResponseStatus.valueOf(r.refusal().status), r.reason(), null, headers);
            return;
        }
        Session s = r.session();
        LOG.info("console login: {} ({}) from {}", s.user().username(), s.user().role(), from);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", s.user().username());
        body.put("name", s.user().name());
        body.put("role", s.user().role().name());
        body.put("enterprise", s.user().enterpriseId());
        body.put("token", s.token()); // for integrators: Authorization: Bearer <token>
        body.put("expiresAt", s.expiresAt());
        Responses.json(ctx, req, HttpResponseStatus.OK, body,
                Map.of(HttpHeaderNames.SET_COOKIE.toString(), Credentials.cookie(s.token(), sessions.maxAge())));
    }
}
