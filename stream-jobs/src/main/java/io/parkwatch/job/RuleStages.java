package io.parkwatch.job;

import io.parkwatch.rules.group.PointSignal;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertUpdate;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.RejectedReading;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The rule evaluation and the alarm life cycle, whatever the readings come from: the live job (Kafka)
 * and the backtest (a recorded file) run exactly this.
 *
 * @param updates every alert event with the alert's state after it (detection and life cycle)
 * @param late    readings that came after the watermark
 */
public record RuleStages(DataStream<AlertUpdate> updates, DataStream<RejectedReading> late) {

    /**
     * The rules' two times.
     *
     * @param holdOff  a re-alarm this soon after recovery counts on the same alert
     * @param lateness which readings behind the watermark are still evaluated
     */
    public record Timing(Duration holdOff, Lateness lateness) implements Serializable {

        /** As parkwatch.yaml has it: 5 min hold-off, 2 min allowed lateness. */
        public static final Timing DEFAULT = new Timing(Duration.ofMinutes(5), Lateness.DEFAULT);
    }

    public static RuleStages apply(DataStream<Reading> readings, DataStream<ConfigDocument> configDocuments,
            DataStream<AlertCommand> commands, ParkConfig initial, Timing timing) {
        BroadcastStream<ConfigDocument> config = configDocuments.broadcast(ConfigState.DOCUMENTS);
        SingleOutputStreamOperator<AlertUpdate> pointUpdates = readings
                .keyBy(Reading::pointId)
                .connect(config)
                .process(new PointRulesFunction(initial, timing.lateness()))
                .uid("point-rules").name("point rules");
        // zones (voting), units (composite) and data loggers (stale) are decided per group
        SingleOutputStreamOperator<AlertUpdate> groupUpdates = pointUpdates.getSideOutput(PointRulesFunction.SIGNALS)
                .keyBy(PointSignal::groupKey)
                .connect(config)
                .process(new GroupRulesFunction(initial))
                .uid("group-rules").name("group rules");
        // instruments kept out of service beyond their expected return: a maintenance alarm, on the wall clock
        SingleOutputStreamOperator<AlertUpdate> overdue = configDocuments
                .keyBy(d -> "operations")
                .process(new OverdueReturnsFunction(initial))
                .uid("overdue-returns").name("overdue returns to service");
        DataStream<LifecycleInput> lifecycleIn = pointUpdates.union(groupUpdates, overdue)
                .map(LifecycleInput::of).returns(TypeInformation.of(LifecycleInput.class)).name("detections");
        if (commands != null) { // a backtest has no operators
            lifecycleIn = lifecycleIn.union(commands.map(LifecycleInput::of)
                    .returns(TypeInformation.of(LifecycleInput.class)).name("commands"));
        }
        SingleOutputStreamOperator<AlertUpdate> lifecycle = lifecycleIn
                .keyBy(LifecycleInput::key)
                .connect(config)
                .process(new LifecycleFunction(initial, timing.holdOff().toMillis()))
                .uid("lifecycle").name("alarm life cycle");
        return new RuleStages(lifecycle, pointUpdates.getSideOutput(PointRulesFunction.LATE));
    }

    public DataStream<AlertEvent> events() {
        return updates.map(AlertUpdate::event).returns(TypeInformation.of(AlertEvent.class)).name("events");
    }

    /** The alert states to publish (a refused command on an unknown alert has none). */
    public DataStream<Alert> alertStates() {
        return updates.filter(u -> u.alert() != null).map(AlertUpdate::alert).returns(TypeInformation.of(Alert.class))
                .name("alert states");
    }
}
