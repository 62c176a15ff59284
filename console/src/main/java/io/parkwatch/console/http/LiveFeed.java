package io.parkwatch.console.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.parkwatch.console.history.AlertHistory;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.parkwatch.console.auth.Session;
import io.parkwatch.console.auth.SessionStore;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertView;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.WireJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.time.ZoneId;
import io.parkwatch.rules.text.Catalogue;
import java.util.concurrent.TimeUnit;

/**
 * The live feed of all connected boards. Each message goes only to the sockets whose session may see
 * it (an operator never receives another enterprise's alert), and only while that session is live:
 * an expired one is closed with code 4401, and the page asks its user to log in again.
 *
 * <p>Messages: {@code {"type":"snapshot","alerts":[...],"last":true|false}} on joining (the whole board, in parts
 * of at most {@link #SNAPSHOT_PART} alerts, the last marked), then {@code {"type":"alert"}} for every change of an
 * alert, {@code {"type":"event"}} for every life-cycle event (the detail view) and
 * {@code {"type":"flood","enterprise":..,"inFlood":true|false}} when a position goes into flood or out of it.
 *
 * <p>Memory stays bounded whatever a board does: a connection holding more unsent than its high water mark
 * ({@link ConsoleServer#WRITE_BUFFER}) gets nothing more until it has drained, then one fresh snapshot
 * ({@link LiveFeedHealth}), itself written a part at a time as the connection drains. The page takes a snapshot as
 * the whole truth, so what it missed is not lost.
 */
final class LiveFeed {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    static final int SESSION_ENDED = 4401;
    /** Set while a board's messages are withheld: it gets a snapshot once its connection has drained. */
    private static final AttributeKey<Boolean> BEHIND = AttributeKey.valueOf("parkwatch-board-behind");
    /** The snapshot a board is being sent, until its last part is out. Touched on the channel's event loop only. */
    private static final AttributeKey<Snapshot> SNAPSHOT = AttributeKey.valueOf("parkwatch-board-snapshot");
    /** Alerts per snapshot message: about 200 KB, within the low water mark, so a part goes as soon as there is room. */
    static final int SNAPSHOT_PART = 200;

    private final LongAdder withheld = new LongAdder();
    private final LongAdder resyncs = new LongAdder();
    private final AtomicLong mostPending = new AtomicLong();

    private final AlertBoard board;
    private final AlertHistory history;
    private final SessionStore sessions;
    private final ChannelGroup clients = new DefaultChannelGroup("board-clients", GlobalEventExecutor.INSTANCE);

    private final Supplier<ZoneId> parkZone;

    LiveFeed(AlertBoard board, AlertHistory history, SessionStore sessions, Supplier<ZoneId> parkZone) {
        this.history = history;
        this.parkZone = parkZone;
        this.board = board;
        this.sessions = sessions;
    }

    void join(Channel ch) {
        Session s = ch.attr(Credentials.SESSION).get();
        // join first, then snapshot: a change in between is sent twice, never missed (the page keys by id)
        clients.add(ch);
        startSnapshot(ch, s);
    }

    /**
     * The whole board this session may see, as it is now, sent in parts of {@link #SNAPSHOT_PART} alerts, each
     * only while the connection takes more: a board of ten thousand alarms is ten megabytes, which must not sit
     * in one board's buffer whole. On the channel's event loop, so changes written meanwhile follow the part they
     * come after; the page lets a change it got during the snapshot stand over a later part's older row.
     */
    private void startSnapshot(Channel ch, Session s) {
        Catalogue language = language(ch);
        ch.attr(SNAPSHOT).set(new Snapshot(board.list(a -> s.user().sees(a.enterpriseId())), language));
        continueSnapshot(ch);
    }

    /**
     * Writes the snapshot's next parts while the connection is writable. A snapshot once begun is finished (a board
     * always gets to a whole picture); a board that missed changes meanwhile then gets a fresh one.
     */
    private void continueSnapshot(Channel ch) {
        Snapshot snapshot = ch.attr(SNAPSHOT).get();
        while (snapshot != null && ch.isActive() && ch.isWritable()) {
            boolean last = snapshot.next + SNAPSHOT_PART >= snapshot.alerts.size();
            List<AlertView> part = snapshot.alerts.subList(snapshot.next, Math.min(snapshot.alerts.size(),
                    snapshot.next + SNAPSHOT_PART)).stream().map(a -> AlertView.of(a, snapshot.language, history)).toList();
            snapshot.next += part.size();
            write(ch, WireJson.writeString(Map.of("type", "snapshot", "alerts", part, "last", last)));
            if (!last) {
                continue;
            }
            ch.attr(SNAPSHOT).set(null);
            Session s = ch.attr(Credentials.SESSION).get();
            if (s == null || ch.attr(BEHIND).getAndSet(false) != Boolean.TRUE) {
                return;
            }
            resyncs.increment();
            startSnapshot(ch, s);
            return;
        }
    }

    /**
     * A board's connection has drained: the snapshot under way goes on, or, if it missed messages meanwhile, it
     * gets the present board.
     */
    void caughtUp(Channel ch) {
        if (!ch.eventLoop().inEventLoop()) {
            ch.eventLoop().execute(() -> caughtUp(ch));
            return;
        }
        Session s = ch.attr(Credentials.SESSION).get();
        if (!ch.isActive() || !ch.isWritable() || s == null) {
            return;
        }
        if (ch.attr(SNAPSHOT).get() != null) {
            continueSnapshot(ch);
            return;
        }
        if (ch.attr(BEHIND).getAndSet(false) != Boolean.TRUE) {
            return;
        }
        resyncs.increment();
        LOG.info("board of {} caught up: sending it the whole board again", s.user().username());
        startSnapshot(ch, s);
    }

    /** A snapshot under way: the alerts as they were when it began, and how many have been sent. */
    private static final class Snapshot {
        final List<Alert> alerts;
        final Catalogue language;
        int next;

        Snapshot(List<Alert> alerts, Catalogue language) {
            this.alerts = alerts;
            this.language = language;
        }
    }

    private void write(Channel ch, String text) {
        ch.writeAndFlush(new TextWebSocketFrame(text));
        ChannelOutboundBuffer unsent = ch.unsafe().outboundBuffer();
        if (unsent != null) {
            mostPending.accumulateAndGet(unsent.totalPendingWriteBytes(), Math::max);
        }
    }

    /** Withholds a message from a board that has not taken the earlier ones yet. */
    private void withhold(Channel ch) {
        withheld.increment();
        if (ch.attr(BEHIND).getAndSet(true) != Boolean.TRUE) {
            Session s = ch.attr(Credentials.SESSION).get();
            LOG.warn("board of {} is not keeping up with the live feed: withholding its messages until it has drained,"
                    + " then sending it the whole board", s == null ? "?" : s.user().username());
        }
        if (ch.isWritable()) {
            caughtUp(ch); // it drained while we looked: the change of writability may already have passed
        }
    }

    LiveFeedHealth health() {
        int behind = 0;
        for (Channel ch : clients) {
            // withheld from, or still being sent its snapshot: either way it does not show the present board yet
            behind += ch.attr(BEHIND).get() == Boolean.TRUE || ch.attr(SNAPSHOT).get() != null ? 1 : 0;
        }
        return new LiveFeedHealth(clients.size(), behind, withheld.sum(), resyncs.sum(), mostPending.get());
    }

    void alertChanged(Alert a) {
        send(a.enterpriseId(), language -> WireJson.writeString(Map.of("type", "alert", "alert", AlertView.of(a, language, history))));
    }

    void eventArrived(AlertEvent e) {
        send(e.enterpriseId(), language -> WireJson.writeString(Map.of("type", "event", "event",
                AlertView.readable(e, language))));
        if (e.type() == io.parkwatch.rules.model.AlertEventType.SHELVED
                || e.type() == io.parkwatch.rules.model.AlertEventType.UNSHELVED) {
            // the shelving shows on the alert's row from its events: the row again, now that this one is known
            board.get(e.alertId()).ifPresent(this::alertChanged);
        }
    }

    /** A position went into flood or out of it: its boards switch to the incidents (and back) without waiting. */
    void floodChanged(String enterprise, boolean inFlood) {
        send(enterprise, language -> WireJson.writeString(Map.of("type", "flood", "enterprise", enterprise,
                "inFlood", inFlood)));
    }

    /** Sends to every session that may see the enterprise, in its reader's language (each rendered once). */
    private void send(String enterprise, Function<Catalogue, String> message) {
        Map<Catalogue, String> rendered = new HashMap<>(2);
        for (Channel ch : clients) {
            Session s = ch.attr(Credentials.SESSION).get();
            if (!ch.isActive()) {
                continue; // closing: leaves the group by itself, and is not a board falling behind
            }
            if (s != null && s.user().sees(enterprise) && checkSession(ch)) {
                if (ch.isWritable() && ch.attr(BEHIND).get() != Boolean.TRUE) {
                    write(ch, rendered.computeIfAbsent(language(ch), message));
                } else {
                    withhold(ch);
                }
            }
        }
    }

    private Catalogue language(Channel ch) {
        Catalogue chosen = ch.attr(Credentials.LANGUAGE).get();
        return (chosen != null ? chosen : ch.attr(Credentials.SESSION).get().user().catalogue()).inZone(parkZone.get());
    }

    /** False (and the socket closed) when the session has ended. */
    boolean checkSession(Channel ch) {
        Session s = ch.attr(Credentials.SESSION).get();
        if (s != null && sessions.isLive(s)) {
            return true;
        }
        ch.writeAndFlush(new CloseWebSocketFrame(SESSION_ENDED, "session ended"))
                .addListener(f -> ch.close());
        return false;
    }

    /** Run now and then: an open board is activity (it keeps its session), an ended session is closed. */
    void sweep() {
        for (Channel ch : clients) {
            if (checkSession(ch)) {
                sessions.touch(ch.attr(Credentials.SESSION).get());
            }
        }
        sessions.sweep();
    }

    void close() {
        clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
