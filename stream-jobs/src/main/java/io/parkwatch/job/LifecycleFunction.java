package io.parkwatch.job;

import io.parkwatch.rules.lifecycle.EscalationPlan;
import io.parkwatch.rules.lifecycle.Lifecycle;
import io.parkwatch.rules.lifecycle.LifecycleState;
import io.parkwatch.rules.model.AlertUpdate;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * The alarm life cycle per (rule, subject, direction): detection updates and operator commands in,
 * the alert as people see it out. The decisions are the core's {@link Lifecycle}; this shell keeps its
 * state and one wall-clock timer for whatever is due next (an escalation step, the end of a shelving),
 * checkpointed: both survive a restart.
 */
public final class LifecycleFunction extends ConfigFollowingFunction<LifecycleInput, AlertUpdate> {

    private final long holdOffMs;
    private transient ValueState<LifecycleState> state;

    public LifecycleFunction(ParkConfig config, long holdOffMs) {
        super(config);
        this.holdOffMs = holdOffMs;
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("lifecycle", TypeInformation.of(LifecycleState.class)));
    }

    @Override
    public void processElement(LifecycleInput in, ReadOnlyContext ctx, Collector<AlertUpdate> out) throws Exception {
        EscalationPlan plan = plan(ctx);
        LifecycleState st = state.value() == null ? new LifecycleState() : state.value();
        long now = ctx.timerService().currentProcessingTime();
        long before = st.nextDue();
        List<AlertUpdate> updates = in.update() != null
                ? Lifecycle.onDetection(st, in.update(), holdOffMs, plan, now)
                : Lifecycle.onCommand(st, in.command(), engine(ctx).rules().shelving(), plan, now);
        state.update(st);
        if (st.nextDue() > 0 && st.nextDue() != before) {
            ctx.timerService().registerProcessingTimeTimer(st.nextDue());
        }
        updates.forEach(out::collect);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertUpdate> out) throws Exception {
        LifecycleState st = state.value();
        if (st == null) {
            return;
        }
        EscalationPlan plan = plan(ctx);
        List<AlertUpdate> updates = Lifecycle.onDue(st, plan, timestamp);
        state.update(st);
        if (st.nextDue() > timestamp) {
            ctx.timerService().registerProcessingTimeTimer(st.nextDue());
        }
        updates.forEach(out::collect);
    }
}
