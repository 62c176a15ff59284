package io.parkwatch.job;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentAlarm;
import io.parkwatch.rules.incident.IncidentBook;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Alarm floods become incidents: the alert events of one position (an enterprise) in, its incidents' steps out. The
 * grouping is the core's {@link IncidentGrouping}; this shell keeps the position's book and one timer that ends a
 * flood when alarms stop coming: between alarms, event time is taken to run on from the latest one seen at the wall
 * clock's pace (so a replay ends its floods on its own clock).
 *
 * <p>The book is kept in state as JSON (so its shape can grow without breaking a checkpoint) in two parts: each
 * incident's alarms one entry each ({@code incident id#position}), and the rest (the incidents without their alarms,
 * the flood's window) as one text. A step so writes the alarms it changed, not the whole membership: a flood's
 * incident of thousands costs the same per alarm as one of three. The book is read from state once per key and task
 * (this function is its only writer), then kept. A book written whole, as before, is split on first read.
 */
final class IncidentFunction extends KeyedProcessFunction<String, AlertEvent, IncidentEvent> {

    private final IncidentGrouping.Settings settings;
    private transient ValueState<String> book;
    private transient MapState<String, String> alarms;
    private transient ValueState<Long> due;
    /** each position's book as state holds it */
    private transient Map<String, IncidentBook> books;

    IncidentFunction(IncidentGrouping.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext ctx) {
        book = getRuntimeContext().getState(new ValueStateDescriptor<>("incident-book", Types.STRING));
        alarms = getRuntimeContext().getMapState(new MapStateDescriptor<>("incident-alarms", Types.STRING,
                Types.STRING));
        due = getRuntimeContext().getState(new ValueStateDescriptor<>("flood-check", Types.LONG));
        books = new HashMap<>();
    }

    @Override
    public void processElement(AlertEvent e, Context ctx, Collector<IncidentEvent> out) throws Exception {
        IncidentBook b = load(ctx.getCurrentKey());
        List<Incident> before = List.copyOf(b.incidents);
        long wall = ctx.timerService().currentProcessingTime();
        if (e.eventTime() >= b.lastEventTime) {
            b.lastEventTime = e.eventTime();
            b.lastSeenAt = wall;
        }
        emit(IncidentGrouping.apply(b, e, settings), out);
        save(ctx.getCurrentKey(), b, before, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentEvent> out) throws Exception {
        due.clear();
        IncidentBook b = load(ctx.getCurrentKey());
        List<Incident> before = List.copyOf(b.incidents);
        emit(IncidentGrouping.tick(b, b.eventTimeAt(timestamp), settings), out);
        save(ctx.getCurrentKey(), b, before, ctx.timerService());
    }

    private IncidentBook load(String key) throws Exception {
        IncidentBook kept = books.get(key);
        if (kept != null) {
            return kept;
        }
        String json = book.value();
        IncidentBook b = json == null ? new IncidentBook() : read(json);
        List<Incident> whole = new ArrayList<>();
        for (Incident i : b.incidents) {
            if (!i.alarms().isEmpty()) {
                // written whole by an earlier version: its alarms move to entries of their own
                for (int k = 0; k < i.alarms().size(); k++) {
                    alarms.put(entry(i, k), WireJson.writeString(i.alarms().get(k)));
                }
                whole.add(i);
            } else {
                List<IncidentAlarm> list = new ArrayList<>(i.alarmCount());
                for (int k = 0; k < i.alarmCount(); k++) {
                    list.add(WireJson.read(alarms.get(entry(i, k)).getBytes(StandardCharsets.UTF_8),
                            IncidentAlarm.class));
                }
                whole.add(new Incident(i.incidentId(), i.enterpriseId(), i.scope(), i.state(), i.worstLevel(),
                        i.openedAt(), i.updatedAt(), list, i.inFlood()));
            }
        }
        b.incidents = whole;
        books.put(key, b);
        return b;
    }

    /** The alarms that changed since {@code before} (by identity: the grouping replaces what it changes), and the rest. */
    private void save(String key, IncidentBook b, List<Incident> before, TimerService timers) throws Exception {
        Map<String, Incident> was = new HashMap<>();
        before.forEach(i -> was.put(i.incidentId(), i));
        for (Incident i : b.incidents) {
            Incident old = was.remove(i.incidentId());
            List<IncidentAlarm> now = i.alarms();
            for (int k = 0; k < now.size(); k++) {
                if (old == null || k >= old.alarms().size() || old.alarms().get(k) != now.get(k)) {
                    alarms.put(entry(i, k), WireJson.writeString(now.get(k)));
                }
            }
        }
        for (Incident gone : was.values()) { // closed and out of the book
            for (int k = 0; k < gone.alarmCount(); k++) {
                alarms.remove(entry(gone, k));
            }
        }
        if (b.isEmpty()) {
            book.clear();
            books.remove(key);
        } else {
            book.update(rest(b));
        }
        long next = IncidentGrouping.nextTick(b, settings);
        if (b.inFlood && next != Long.MAX_VALUE && due.value() == null) {
            long at = Math.max(b.wallTimeOf(next), timers.currentProcessingTime() + 1000);
            timers.registerProcessingTimeTimer(at);
            due.update(at);
        }
    }

    /** The book with each incident's alarms left out (they have entries of their own), their count kept. */
    private static String rest(IncidentBook b) {
        List<Incident> whole = b.incidents;
        List<Incident> headers = new ArrayList<>(whole.size());
        for (Incident i : whole) {
            headers.add(new Incident(i.incidentId(), i.enterpriseId(), i.scope(), i.state(), i.worstLevel(),
                    i.openedAt(), i.updatedAt(), List.of(), i.inFlood(), i.alarms().size()));
        }
        b.incidents = headers;
        try {
            return WireJson.writeString(b);
        } finally {
            b.incidents = whole;
        }
    }

    private static IncidentBook read(String json) {
        return WireJson.read(json.getBytes(StandardCharsets.UTF_8), IncidentBook.class);
    }

    private static String entry(Incident i, int position) {
        return i.incidentId() + "#" + position;
    }

    /** Published carrying at most {@link Incident#CARRIED} alarms: a flood's incident must stay a Kafka record. */
    private static void emit(List<IncidentEvent> events, Collector<IncidentEvent> out) {
        for (IncidentEvent e : events) {
            out.collect(new IncidentEvent(e.eventId(), e.seq(), e.type(), e.alertId(), e.at(),
                    e.incident().carrying(Incident.CARRIED)));
        }
    }
}
