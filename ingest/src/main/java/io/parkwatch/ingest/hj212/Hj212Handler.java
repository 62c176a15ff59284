package io.parkwatch.ingest.hj212;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.parkwatch.ingest.intake.IntakeResult;
import io.parkwatch.ingest.intake.Origin;
import io.parkwatch.platform.net.PeerHost;
import io.parkwatch.platform.auth.PasswordGate;
import io.parkwatch.platform.auth.Verdict;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.intake.ReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.RejectedReading;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data logger connection: checks each frame (CRC, MN, PW, CN), puts split packets together,
 * decodes the values, and hands readings to the same checks and Kafka path as MQTT. When the packet
 * asks for an answer it gets the data answer (CN 9014) only after Kafka has stored everything, or a
 * request answer (CN 9011) with the reason of a refusal. Frames of one connection are handled in the
 * order they came; a logger that sends faster than Kafka stores is not read until it catches up.
 *
 * <p>A bad CRC or an unusable packet is refused and the connection kept (the logger resends); an
 * unknown MN or a wrong PW is refused and the connection closed.
 */
public final class Hj212Handler extends SimpleChannelInboundHandler<Hj212Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212Handler.class);
    static final String PROTOCOL = "hj212";
    private static final int PAUSE_ABOVE = 64;
    private static final int RESUME_BELOW = 16;

    private final Supplier<Map<String, Hj212Logger>> loggers;
    private final ReadingIntake intake;
    private final ReadingSink sink;
    private final GatewayMetrics metrics;
    private final PasswordGate passwords;
    private final ZoneId zone;
    private final SplitPackets splits;
    /** PW already verified on this connection, by MN: bcrypt once per connection, not per packet. */
    private final Map<String, String> verified = new HashMap<>();
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    private int queued;
    private String remote = "?";

    public Hj212Handler(Supplier<Map<String, Hj212Logger>> loggers, ReadingIntake intake, ReadingSink sink,
            GatewayMetrics metrics, PasswordGate passwords, ZoneId zone, long splitMaxAgeMs) {
        this.loggers = loggers;
        this.intake = intake;
        this.sink = sink;
        this.metrics = metrics;
        this.passwords = passwords;
        this.zone = zone;
        this.splits = new SplitPackets(splitMaxAgeMs);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        remote = String.valueOf(ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Hj212Frame frame) {
        long receivedNanos = System.nanoTime();
        if (++queued > PAUSE_ABOVE) {
            ctx.channel().config().setAutoRead(false);
        }
        previous = previous.thenComposeAsync(v -> handle(ctx, frame, receivedNanos), ctx.executor())
                .exceptionally(e -> {
                    LOG.warn("{}: frame not stored ({}); closing without an answer so the logger resends", remote,
                            e.toString());
                    ctx.close();
                    return null;
                })
                .whenCompleteAsync((v, e) -> {
                    if (--queued < RESUME_BELOW && !ctx.channel().config().isAutoRead() && ctx.channel().isActive()) {
                        ctx.channel().config().setAutoRead(true);
                    }
                }, ctx.executor());
    }

    private CompletableFuture<Void> handle(ChannelHandlerContext ctx, Hj212Frame frame, long receivedNanos) {
        long now = System.currentTimeMillis();
        Origin unknown = new Origin(PROTOCOL, null, null, null, remote);
        if (!frame.isFrame()) {
            return refuse(ctx, unknown, RejectReason.MALFORMED_FRAME, frame.problem(), frame.raw(), now);
        }
        Hj212Packet p;
        try {
            p = Hj212Packet.parse(frame.segmentText());
        } catch (Hj212Exception e) {
            RejectReason reason = frame.crcOk() ? RejectReason.MALFORMED_FRAME : RejectReason.BAD_CRC;
            return refuse(ctx, unknown, reason, frame.crcOk() ? e.getMessage() : frame.problem(), frame.raw(), now);
        }
        Origin origin = new Origin(PROTOCOL, p.mn(), p.mn(), null, remote);
        if (!frame.crcOk()) {
            return refuse(ctx, origin, RejectReason.BAD_CRC, frame.problem(), frame.raw(), now)
                    .thenRun(() -> answer(ctx, p, 9, false));
        }
        Hj212Logger logger = loggers.get().get(p.mn());
        if (logger == null) {
            return refuse(ctx, origin, RejectReason.UNKNOWN_LOGGER, "no data logger with MN " + p.mn()
                    + " in the hj212 loggers file", frame.raw(), now).thenRun(() -> answer(ctx, p, 4, true));
        }
        Origin known = new Origin(PROTOCOL, p.mn(), p.mn(), logger.enterpriseId(), remote);
        return passwordOk(ctx, logger, p.pw()).thenComposeAsync(verdict -> {
            switch (verdict.outcome()) {
                case ACCEPTED -> {
                }
                case THROTTLED, BUSY -> {
                    // not bad data: the logger keeps it and sends it again later; no record, so a flood of
                    // guesses costs no Kafka writes
                    metrics.count("parkwatch.gateway.auth.deferred", "password checks refused for now (throttled or busy)");
                    LOG.warn("{}: data logger {} not checked now ({}); closing, it may retry in {} s", remote,
                            p.mn(), verdict.outcome(), verdict.retryAfterSeconds());
                    answer(ctx, p, 2, true);
                    return CompletableFuture.<Void>completedFuture(null);
                }
                default -> {
                    String why = verdict.outcome() == Verdict.Outcome.TOO_LONG
                            ? "PW longer than " + PasswordGate.MAX_PASSWORD_BYTES + " bytes"
                            : "PW does not match data logger " + p.mn();
                    return refuse(ctx, known, RejectReason.BAD_PASSWORD, why, frame.raw(), now)
                            .thenRun(() -> answer(ctx, p, 3, true));
                }
            }
            return handleAuthenticated(ctx, p, logger, known, frame, now, receivedNanos);
        }, ctx.executor());
    }

    private CompletableFuture<Void> handleAuthenticated(ChannelHandlerContext ctx, Hj212Packet p, Hj212Logger logger,
            Origin origin, Hj212Frame frame, long now, long receivedNanos) {
        List<RejectedReading> late = new ArrayList<>();
        for (SplitPackets.Pending gone : splits.expired(now)) {
            late.add(incomplete(origin, gone, now));
        }
        if (!Hj212Decoding.isDataUpload(p.cn())) {
            if (p.cn().startsWith("90")) { // answers and notices from the logger: nothing to do
                return write(ctx, new IntakeResult(List.of(), late));
            }
            late.add(intake.refusal(origin, label(p), RejectReason.UNSUPPORTED_COMMAND, "CN " + p.cn()
                    + " is not taken by this gateway (data uploads 2011, 2051, 2061, 2031 are)", null, frame.raw(), now));
            return write(ctx, new IntakeResult(List.of(), late)).thenRun(() -> answer(ctx, p, 8, false));
        }
        Hj212Packet whole = p;
        if (p.isSplit()) {
            Optional<Hj212Packet> done;
            try {
                done = splits.add(p, frame.raw(), now);
            } catch (Hj212Exception e) {
                late.add(intake.refusal(origin, label(p), RejectReason.MALFORMED_FRAME, e.getMessage(), null,
                        frame.raw(), now));
                return write(ctx, new IntakeResult(List.of(), late));
            }
            if (done.isEmpty()) { // a part: held until the others come; answered so the logger sends them
                return write(ctx, new IntakeResult(List.of(), late)).thenRun(() -> answerData(ctx, p, receivedNanos));
            }
            whole = done.get();
        }
        Hj212Decoding.Decoded d;
        try {
            d = Hj212Decoding.decode(whole, logger, zone, now);
        } catch (Hj212Exception e) {
            late.add(intake.refusal(origin, label(p), RejectReason.MALFORMED_FRAME, e.getMessage(), null, frame.raw(),
                    now));
            return write(ctx, new IntakeResult(List.of(), late));
        }
        for (Hj212Decoding.Refusal r : d.refusals()) {
            late.add(intake.refusal(origin, label(p), r.reason(), r.detail(), r.pointId(),
                    r.raw().getBytes(StandardCharsets.UTF_8), now));
        }
        IntakeResult checked = intake.admit(origin, label(p), logger.enterpriseId(), d.readings(), late, now);
        Hj212Packet answered = whole;
        return write(ctx, new IntakeResult(checked.accepted(), checked.rejected(), d.stats()))
                .thenRun(() -> answerData(ctx, answered, receivedNanos));
    }

    private CompletableFuture<Verdict> passwordOk(ChannelHandlerContext ctx, Hj212Logger logger, String pw) {
        if (pw.equals(verified.get(logger.mn()))) {
            return CompletableFuture.completedFuture(new Verdict(Verdict.Outcome.ACCEPTED, 0));
        }
        return passwords.check(PeerHost.of(ctx.channel().remoteAddress()), logger.mn(), pw.getBytes(StandardCharsets.UTF_8),
                logger.passwordHash()).thenApply(v -> {
                    if (v.accepted()) {
                        verified.put(logger.mn(), pw);
                    }
                    return v;
                });
    }

    private CompletableFuture<Void> refuse(ChannelHandlerContext ctx, Origin origin, RejectReason reason, String detail,
            byte[] raw, long now) {
        LOG.debug("{}: {}: {}", remote, reason, detail);
        return write(ctx, new IntakeResult(List.of(), List.of(intake.refusal(origin, "hj212", reason, detail, null, raw,
                now))));
    }

    private CompletableFuture<Void> write(ChannelHandlerContext ctx, IntakeResult r) {
        metrics.recorded(PROTOCOL, r);
        return r.records() == 0 ? CompletableFuture.completedFuture(null) : sink.write(r);
    }

    private void answerData(ChannelHandlerContext ctx, Hj212Packet p, long receivedNanos) {
        if (p.wantsAnswer() && ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(Hj212Frames.dataAnswer(p)));
            metrics.acknowledged(PROTOCOL, receivedNanos);
        }
    }

    /** A request answer (9011) with the reason; after an MN or PW refusal the connection is closed. */
    private void answer(ChannelHandlerContext ctx, Hj212Packet p, int qnRtn, boolean thenClose) {
        if (!ctx.channel().isActive()) {
            return;
        }
        var write = p.wantsAnswer() ? ctx.writeAndFlush(Unpooled.wrappedBuffer(Hj212Frames.requestAnswer(p.qn(), p.pw(),
                p.mn(), qnRtn))) : ctx.newSucceededFuture();
        if (thenClose) {
            LOG.warn("{}: data logger {} refused (QnRtn {}); closing", remote, p.mn(), qnRtn);
            metrics.closed(PROTOCOL, "auth");
            write.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private RejectedReading incomplete(Origin origin, SplitPackets.Pending p, long now) {
        byte[] raw = p.raw().stream().map(b -> new String(b, StandardCharsets.US_ASCII)).reduce("", String::concat)
                .getBytes(StandardCharsets.US_ASCII);
        return intake.refusal(origin, "hj212 MN=" + p.mn() + " QN=" + p.qn(), RejectReason.INCOMPLETE_PACKET,
                p.parts().size() + " of " + p.pnum() + " parts arrived", null, raw, now);
    }

    private static String label(Hj212Packet p) {
        return "hj212 CN=" + p.cn() + " MN=" + p.mn();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        List<SplitPackets.Pending> left = splits.expired(Long.MAX_VALUE);
        if (!left.isEmpty()) {
            long now = System.currentTimeMillis();
            List<RejectedReading> r = new ArrayList<>();
            for (SplitPackets.Pending p : left) {
                r.add(incomplete(new Origin(PROTOCOL, p.mn(), p.mn(), null, remote), p, now));
            }
            write(ctx, new IntakeResult(List.of(), r));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            LOG.info("{}: nothing received within the idle time, closing", remote);
            metrics.closed(PROTOCOL, "idle");
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{}: connection error, closing: {}", remote, cause.toString());
        ctx.close();
    }
}
