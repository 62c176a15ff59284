package io.parkwatch.job;

import io.parkwatch.rules.incident.Incident;
import io.parkwatch.rules.incident.IncidentBook;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Alarm floods become incidents: the alert events of one position (an enterprise) in, its incidents' steps out. The
 * grouping is the core's {@link IncidentGrouping}; this shell keeps the position's book (as JSON, so its shape can
 * grow without breaking a checkpoint) and one timer that ends a flood when alarms stop coming: between alarms, event
 * time is taken to run on from the latest one seen at the wall clock's pace (so a replay ends its floods on its own
 * clock).
 */
final class IncidentFunction extends KeyedProcessFunction<String, AlertEvent, IncidentEvent> {

    private final IncidentGrouping.Settings settings;
    private transient ValueState<String> book;
    private transient ValueState<Long> due;
    private transient BookCache<IncidentBook> parsed;

    IncidentFunction(IncidentGrouping.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext ctx) {
        book = getRuntimeContext().getState(new ValueStateDescriptor<>("incident-book", Types.STRING));
        due = getRuntimeContext().getState(new ValueStateDescriptor<>("flood-check", Types.LONG));
        parsed = new BookCache<>(json -> WireJson.read(json.getBytes(StandardCharsets.UTF_8), IncidentBook.class),
                WireJson::writeString);
    }

    @Override
    public void processElement(AlertEvent e, Context ctx, Collector<IncidentEvent> out) throws Exception {
        IncidentBook b = load(ctx.getCurrentKey());
        long wall = ctx.timerService().currentProcessingTime();
        if (e.eventTime() >= b.lastEventTime) {
            b.lastEventTime = e.eventTime();
            b.lastSeenAt = wall;
        }
        emit(IncidentGrouping.apply(b, e, settings), out);
        save(ctx.getCurrentKey(), b, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentEvent> out) throws Exception {
        due.clear();
        IncidentBook b = load(ctx.getCurrentKey());
        emit(IncidentGrouping.tick(b, b.eventTimeAt(timestamp), settings), out);
        save(ctx.getCurrentKey(), b, ctx.timerService());
    }

    private IncidentBook load(String key) throws Exception {
        String json = book.value();
        return json == null ? new IncidentBook() : parsed.read(key, json);
    }

    private void save(String key, IncidentBook b, TimerService timers) throws Exception {
        if (b.isEmpty()) {
            book.clear();
            parsed.forget(key);
        } else {
            book.update(parsed.write(key, b));
        }
        long next = IncidentGrouping.nextTick(b, settings);
        if (b.inFlood && next != Long.MAX_VALUE && due.value() == null) {
            long at = Math.max(b.wallTimeOf(next), timers.currentProcessingTime() + 1000);
            timers.registerProcessingTimeTimer(at);
            due.update(at);
        }
    }

    /** Published carrying at most {@link Incident#CARRIED} alarms: a flood's incident must stay a Kafka record. */
    private static void emit(List<IncidentEvent> events, Collector<IncidentEvent> out) {
        for (IncidentEvent e : events) {
            out.collect(new IncidentEvent(e.eventId(), e.seq(), e.type(), e.alertId(), e.at(),
                    e.incident().carrying(Incident.CARRIED)));
        }
    }
}
