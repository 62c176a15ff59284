package io.parkwatch.console.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.parkwatch.console.api.CommandSender;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.history.CommandOutcomes;
import io.parkwatch.console.links.AlertLink;
import io.parkwatch.console.links.LinkSigner;
import io.parkwatch.console.links.MobilePage;
import io.parkwatch.console.park.RecentReadings;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.text.Catalogue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code /m/TOKEN}: the page a person reaches from a signed link, without logging in, to see one alert and acknowledge
 * it in their own name. Refuses what it must with the reason (a malformed, forged, altered or expired link, a person
 * the alert never reached, an alert already closed) and passes every other request on. The job decides, as for the
 * console: the page sends the same command.
 */
@ChannelHandler.Sharable
final class MobileLinkHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final LinkSigner signer;
    private final AlertBoard board;
    private final AlertHistory history;
    private final RecentReadings readings;
    private final CommandSender commands;
    private final CommandOutcomes outcomes;
    private final Supplier<ZoneId> parkZone;
    private final Clock clock;

    MobileLinkHandler(LinkSigner signer, AlertBoard board, AlertHistory history, RecentReadings readings,
            CommandSender commands, Supplier<ZoneId> parkZone, Clock clock) {
        super(false);
        this.signer = signer;
        this.board = board;
        this.history = history;
        this.readings = readings;
        this.commands = commands;
        this.outcomes = new CommandOutcomes(history);
        this.parkZone = parkZone;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        if (!q.path().startsWith("/m/")) {
            ctx.fireChannelRead(req);
            return;
        }
        try {
            Catalogue words = ReaderLanguage.of(req, null).inZone(parkZone.get());
            String token = q.path().substring(3);
            AlertLink link;
            try {
                link = signer.verify(token);
            } catch (LinkSigner.Refused r) {
                page(ctx, req, HttpResponseStatus.FORBIDDEN, MobilePage.notice(words.text("mobile.refused"),
                        words.text(r.reason()), false, words));
                return;
            }
            Optional<Alert> alert = board.get(link.alertId());
            List<AlertEvent> timeline = history.timeline(link.alertId());
            Optional<Recipient> person = timeline.stream().flatMap(e -> e.recipients().stream())
                    .filter(r -> r.personId().equals(link.personId())).findFirst();
            if (alert.isEmpty() || person.isEmpty()) {
                page(ctx, req, HttpResponseStatus.FORBIDDEN, MobilePage.notice(words.text("mobile.refused"),
                        words.text(alert.isEmpty() ? "link.no-alert" : "link.not-reached"), false, words));
                return;
            }
            Alert a = alert.get();
            if (a.handlingOrNew().closed()) {
                page(ctx, req, HttpResponseStatus.GONE, MobilePage.notice(words.text("mobile.refused"),
                        words.text("link.closed", a.handlingOrNew().closedBy()), false, words));
                return;
            }
            if (req.method().equals(HttpMethod.POST)) {
                acknowledge(ctx, req, a, link, person.get(), words);
                return;
            }
            List<String> called = timeline.stream().flatMap(e -> e.recipients().stream())
                    .map(r -> r.name() + "（" + r.tierName() + "）").distinct().toList();
            long now = clock.millis();
            page(ctx, req, HttpResponseStatus.OK, MobilePage.alert(a, a.text() == null ? a.message()
                    : words.render(a.text()), readings.between(a.pointId(), now - 30 * 60_000L, now), called,
                    person.get().name(), token, words));
        } finally {
            ReferenceCountUtil.release(req);
        }
    }

    /** Sends the acknowledgement in the person's name and answers with what the job made of it. */
    private void acknowledge(ChannelHandlerContext ctx, FullHttpRequest req, Alert a, AlertLink link, Recipient person,
            Catalogue words) {
        String comment = new QueryStringDecoder("?" + req.content().toString(StandardCharsets.UTF_8))
                .parameters().getOrDefault("comment", List.of("")).get(0).trim();
        if (comment.length() > 2000) {
            comment = comment.substring(0, 2000);
        }
        AlertCommand cmd = AlertCommand.builder().commandId(UUID.randomUUID().toString())
                .type(AlertCommand.Type.ACKNOWLEDGE).alertId(a.alertId()).alertKey(link.alertKey())
                .user(person.name() + " (" + person.personId() + ")").role(AlertCommand.Role.PERSON)
                .note(comment.isEmpty() ? null : comment).issuedAt(clock.millis()).build();
        FullHttpRequest kept = req.retainedDuplicate();
        var outcome = outcomes.expect(cmd);
        commands.send(cmd).thenCompose(sent -> outcome.orTimeout(10, TimeUnit.SECONDS)).whenComplete((e, t) -> {
            try {
                if (t == null && e.type() != AlertEventType.COMMAND_REFUSED) {
                    page(ctx, kept, HttpResponseStatus.OK, MobilePage.notice(words.text("mobile.done"),
                            words.render(e.text()), true, words));
                } else if (t == null) {
                    page(ctx, kept, HttpResponseStatus.CONFLICT, MobilePage.notice(words.text("mobile.refused"),
                            words.render(e.text()), false, words));
                } else {
                    outcome.cancel(false);
                    page(ctx, kept, HttpResponseStatus.ACCEPTED, MobilePage.notice(words.text("mobile.sent"),
                            words.text("api.command-pending"), true, words));
                }
            } finally {
                ReferenceCountUtil.release(kept);
            }
        });
    }

    private static void page(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String html) {
        Responses.send(ctx, req, status, "text/html; charset=utf-8", Responses.utf8(html));
    }
}
