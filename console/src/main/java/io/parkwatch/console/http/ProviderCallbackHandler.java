package io.parkwatch.console.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.links.PhoneAnswers;
import io.parkwatch.console.notify.PhoneNumber;
import io.parkwatch.rules.wire.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /callbacks/TOKEN/...}: what SMS and voice providers report back, people's answers among it. Tencent
 * Cloud's SMS reply ({@code tencent/sms-reply}: mobile, nationcode, text, time) and voice key-press
 * ({@code tencent/voice}: {@code voicekey_callback}) callbacks as its documentation specifies them, and ParkWatch's
 * generic JSON ({@code sms-reply}: from, text, messageId; {@code voice-key}: callId, from, key). The providers sign
 * nothing they call back with, so the address configured at the provider carries a secret token
 * ({@code notifier.callback-token}), compared in constant time. A callback delivered twice acts once. Other
 * requests pass on.
 */
@ChannelHandler.Sharable
final class ProviderCallbackHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCallbackHandler.class);
    private static final String PREFIX = "/callbacks/";

    private final byte[] token;
    private final PhoneAnswers answers;
    /** Callbacks already acted on, by what identifies them: a provider's retry acts once. */
    private final Cache<String, PhoneAnswers.Answer> seen = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

    ProviderCallbackHandler(String token, PhoneAnswers answers) {
        super(false);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.answers = answers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        if (!path.startsWith(PREFIX)) {
            ctx.fireChannelRead(req);
            return;
        }
        try {
            String[] parts = path.substring(PREFIX.length()).split("/", 2);
            if (parts.length < 2 || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.UTF_8), token)) {
                LOG.warn("callback refused: wrong token on {} from {}", parts.length < 2 ? "?" : parts[1],
                        ctx.channel().remoteAddress());
                Responses.json(ctx, req, HttpResponseStatus.FORBIDDEN, Map.of("error", "unknown callback address"));
                return;
            }
            if (!req.method().equals(HttpMethod.POST)) {
                Responses.json(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, Map.of("error", "POST only"));
                return;
            }
            JsonNode body;
            try {
                body = WireJson.MAPPER.readTree(req.content().toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                Responses.json(ctx, req, HttpResponseStatus.BAD_REQUEST, Map.of("error", "body is not JSON"));
                return;
            }
            handle(ctx, req, parts[1], body == null ? WireJson.MAPPER.createObjectNode() : body);
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest req, String kind, JsonNode b) {
        switch (kind) {
            case "tencent/sms-reply" -> {
                String phone = PhoneNumber.of(b.path("nationcode").asText(""), b.path("mobile").asText(""));
                once(ctx, req, true, "tencent-sms|" + phone + "|" + b.path("time").asText() + "|" + b.path("text").asText(),
                        () -> answers.smsReply(phone, b.path("text").asText("")));
            }
            case "tencent/voice" -> {
                JsonNode key = b.path("voicekey_callback");
                if (key.isMissingNode()) { // call status and failure reports: nothing to act on
                    Responses.json(ctx, req, HttpResponseStatus.OK, tencent(0, "OK"));
                    return;
                }
                String phone = PhoneNumber.of(key.path("nationcode").asText(""), key.path("mobile").asText(""));
                once(ctx, req, true, "tencent-key|" + key.path("callid").asText() + "|" + key.path("keypress").asText(),
                        () -> answers.keyPress(key.path("callid").asText(null), phone, key.path("keypress").asText()));
            }
            case "sms-reply" -> {
                String phone = PhoneNumber.normalize(b.path("from").asText(""));
                String id = b.path("messageId").asText(phone + "|" + b.path("text").asText());
                once(ctx, req, false, "sms|" + id, () -> answers.smsReply(phone, b.path("text").asText("")));
            }
            case "voice-key" -> once(ctx, req, false, "key|" + b.path("callId").asText() + "|" + b.path("key").asText(),
                    () -> answers.keyPress(b.path("callId").asText(null), b.path("from").asText(""),
                            b.path("key").asText()));
            default -> Responses.json(ctx, req, HttpResponseStatus.NOT_FOUND, Map.of("error", "no such callback"));
        }
    }

    /** Acts on a callback the first time it is seen; a repeat gets the first one's answer. */
    private void once(ChannelHandlerContext ctx, FullHttpRequest req, boolean tencent, String id,
            java.util.function.Supplier<CompletableFuture<PhoneAnswers.Answer>> act) {
        PhoneAnswers.Answer before = seen.getIfPresent(id);
        if (before != null) {
            reply(ctx, req, tencent, before, true);
            return;
        }
        FullHttpRequest kept = req.retainedDuplicate();
        act.get().whenComplete((answer, failed) -> {
            try {
                if (failed != null) { // not recorded: the provider's retry tries again
                    LOG.error("callback {}: the acknowledgement could not be sent: {}", id, failed.toString());
                    Responses.json(ctx, kept, HttpResponseStatus.SERVICE_UNAVAILABLE, tencent
                            ? tencent(1, "try again") : Map.of("error", "could not be sent, try again"));
                    return;
                }
                seen.put(id, answer);
                LOG.info("callback {}: {} (alert {}, person {})", id, answer.outcome(), answer.alertId(),
                        answer.personId());
                reply(ctx, kept, tencent, answer, false);
            } finally {
                ReferenceCountUtil.release(kept);
            }
        });
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpRequest req, boolean tencent,
            PhoneAnswers.Answer a, boolean repeat) {
        if (tencent) { // the provider wants result 0 for a callback taken, whatever it led to
            Responses.json(ctx, req, HttpResponseStatus.OK, tencent(0, "OK"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", a.outcome().name());
        body.put("alertId", a.alertId());
        body.put("personId", a.personId());
        body.put("repeat", repeat);
        Responses.json(ctx, req, HttpResponseStatus.OK, body);
    }

    private static Map<String, Object> tencent(int result, String errmsg) {
        return Map.of("result", result, "errmsg", errmsg);
    }
}
