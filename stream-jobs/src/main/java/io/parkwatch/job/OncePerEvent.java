package io.parkwatch.job;

import io.parkwatch.rules.model.AlertEvent;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Each alert event once, on a stream keyed by alert id (so an alert's events keep their order). The alert-events
 * topic is written at least once by default: after a recovery, the events since the last checkpoint are on it twice.
 * A consumer that groups or warns (an incident joined again by an alarm already closed, a risk warning for a colour
 * that never was) must not see the second copy. Ids are remembered for {@link #REMEMBERED}, far longer than a
 * recovery replays.
 */
final class OncePerEvent extends RichFilterFunction<AlertEvent> {

    static final Duration REMEMBERED = Duration.ofHours(1);
    private transient MapState<String, Boolean> seen;

    @Override
    public void open(OpenContext ctx) {
        MapStateDescriptor<String, Boolean> d = new MapStateDescriptor<>("events-seen", Types.STRING, Types.BOOLEAN);
        d.enableTimeToLive(StateTtlConfig.newBuilder(REMEMBERED).build());
        seen = getRuntimeContext().getMapState(d);
    }

    @Override
    public boolean filter(AlertEvent e) throws Exception {
        if (seen.contains(e.eventId())) {
            return false;
        }
        seen.put(e.eventId(), Boolean.TRUE);
        return true;
    }
}
