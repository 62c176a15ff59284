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
import io.parkwatch.console.links.OneTimeCodes;
import io.parkwatch.console.notify.PhoneNumber;
import io.parkwatch.console.notify.TextSender;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(MobileLinkHandler.class);

    private final LinkSigner signer;
    private final AlertBoard board;
    private final AlertHistory history;
    private final RecentReadings readings;
    private final CommandSender commands;
    private final CommandOutcomes outcomes;
    private final Supplier<ZoneId> parkZone;
    private final Clock clock;

    private final OneTimeCodes codes = new OneTimeCodes();
    /** POSTs per link in the last minute: a link (forwarded, leaked) cannot flood the job with commands. */
    private final com.github.benmanes.caffeine.cache.Cache<String, java.util.concurrent.atomic.AtomicInteger> posts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();
    static final int MAX_POSTS_PER_MINUTE = 10;
    private final TextSender codeSender;
    /** Sending a code is an HTTP call to the provider: off the event loop, a few at a time, a bounded queue. */
    private final ExecutorService sending = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), r -> {
                Thread t = new Thread(r, "one-time-codes");
                t.setDaemon(true);
                return t;
            });

    /** @param codeSender sends one-time codes for group chats' links, or null (the page offers the console only) */
    MobileLinkHandler(LinkSigner signer, AlertBoard board, AlertHistory history, RecentReadings readings,
            CommandSender commands, Supplier<ZoneId> parkZone, Clock clock, TextSender codeSender) {
        super(false);
        this.codeSender = codeSender;
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
            if (req.method().equals(HttpMethod.POST)
                    && posts.get(token, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet()
                            > MAX_POSTS_PER_MINUTE) {
                refuse(ctx, req, HttpResponseStatus.TOO_MANY_REQUESTS, words.text("mobile.too-many"), words);
                return;
            }
            Optional<Alert> alert = board.get(link.alertId());
            if (alert.isEmpty()) {
                refuse(ctx, req, HttpResponseStatus.FORBIDDEN, words.text("link.no-alert"), words);
                return;
            }
            Alert a = alert.get();
            if (a.handlingOrNew().closed()) {
                refuse(ctx, req, HttpResponseStatus.GONE, words.text("link.closed", a.handlingOrNew().closedBy()), words);
                return;
            }
            List<AlertEvent> timeline = history.timeline(link.alertId());
            Map<String, String> form = req.method().equals(HttpMethod.POST) ? form(req) : Map.of();
            if (LinkSigner.GROUP.equals(link.personId())) {
                group(ctx, req, a, link, token, timeline, form, words);
                return;
            }
            Optional<Recipient> person = reached(timeline, link.personId());
            if (person.isEmpty()) {
                refuse(ctx, req, HttpResponseStatus.FORBIDDEN, words.text("link.not-reached"), words);
                return;
            }
            if (req.method().equals(HttpMethod.POST)) {
                acknowledge(ctx, req, a, link, person.get(), form.getOrDefault("comment", ""), words);
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

    /**
     * A group chat's link: whoever opens it chooses who they are among the people the alert reached, gets a one-time
     * code on that person's phone, and acknowledges in that person's name with it.
     */
    private void group(ChannelHandlerContext ctx, FullHttpRequest req, Alert a, AlertLink link, String token,
            List<AlertEvent> timeline, Map<String, String> form, Catalogue words) {
        if (!req.method().equals(HttpMethod.POST)) {
            List<MobilePage.Person> reached = timeline.stream().flatMap(e -> e.recipients().stream())
                    .filter(r -> r.phone() != null).map(r -> new MobilePage.Person(r.personId(), r.name(), r.tierName()))
                    .distinct().toList();
            long now = clock.millis();
            page(ctx, req, HttpResponseStatus.OK, MobilePage.group(a, a.text() == null ? a.message()
                    : words.render(a.text()), readings.between(a.pointId(), now - 30 * 60_000L, now), reached, token,
                    words));
            return;
        }
        Optional<Recipient> chosen = reached(timeline, form.getOrDefault("person", ""))
                .filter(r -> r.phone() != null);
        if (chosen.isEmpty()) {
            refuse(ctx, req, HttpResponseStatus.FORBIDDEN, words.text("link.not-reached"), words);
            return;
        }
        Recipient p = chosen.get();
        MobilePage.Person person = new MobilePage.Person(p.personId(), p.name(), p.tierName());
        String masked = PhoneNumber.masked(PhoneNumber.normalize(p.phone()));
        if ("ack".equals(form.get("step"))) {
            if (codes.check(a.alertId(), p.personId(), form.get("code"))) {
                acknowledge(ctx, req, a, link, p, form.getOrDefault("comment", ""), words);
            } else {
                page(ctx, req, HttpResponseStatus.FORBIDDEN, MobilePage.codeForm(a, person, masked, token,
                        words.text("mobile.code-wrong"), words));
            }
            return;
        }
        Optional<String> code = codeSender == null ? Optional.empty() : codes.issue(a.alertId(), p.personId());
        if (code.isEmpty()) {
            refuse(ctx, req, HttpResponseStatus.TOO_MANY_REQUESTS, words.text(codeSender == null ? "mobile.code-failed"
                    : "mobile.code-limit"), words);
            return;
        }
        FullHttpRequest kept = req.retainedDuplicate();
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    codeSender.sendCode(p.phone(), code.get(), words.text("sms.code", code.get()));
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, sending).orTimeout(15, TimeUnit.SECONDS).whenComplete((ok, failed) -> {
                try {
                    if (failed != null) {
                        LOG.warn("one-time code for {} on alert {} not sent: {}", p.personId(), a.alertId(),
                                failed.toString());
                        refuse(ctx, kept, HttpResponseStatus.BAD_GATEWAY, words.text("mobile.code-failed"), words);
                    } else {
                        page(ctx, kept, HttpResponseStatus.OK, MobilePage.codeForm(a, person, masked, token, null, words));
                    }
                } finally {
                    ReferenceCountUtil.release(kept);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException full) {
            ReferenceCountUtil.release(kept);
            refuse(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, words.text("mobile.code-failed"), words);
        }
    }

    void close() {
        sending.shutdownNow();
    }

    private static Optional<Recipient> reached(List<AlertEvent> timeline, String personId) {
        return timeline.stream().flatMap(e -> e.recipients().stream()).filter(r -> r.personId().equals(personId))
                .findFirst();
    }

    /** The form fields of a POST (application/x-www-form-urlencoded), each cut to a sane length. */
    private static Map<String, String> form(FullHttpRequest req) {
        Map<String, String> out = new java.util.HashMap<>();
        new QueryStringDecoder("?" + req.content().toString(StandardCharsets.UTF_8)).parameters()
                .forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0).strip()));
        return out;
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String why,
            Catalogue words) {
        page(ctx, req, status, MobilePage.notice(words.text("mobile.refused"), why, false, words));
    }

    /** Sends the acknowledgement in the person's name and answers with what the job made of it. */
    private void acknowledge(ChannelHandlerContext ctx, FullHttpRequest req, Alert a, AlertLink link, Recipient person,
            String comment, Catalogue words) {
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
