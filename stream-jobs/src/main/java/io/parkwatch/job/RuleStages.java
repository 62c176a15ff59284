package io.parkwatch.job;

import io.parkwatch.rules.group.PointSignal;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.RejectedReading;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The rule evaluation itself, whatever the readings come from: the live job (Kafka) and the backtest
 * (a recorded file) run exactly this.
 *
 * @param events      every alert event, point and group rules together
 * @param alertStates the alert's state after each event
 * @param late        readings that came after the watermark
 */
public record RuleStages(DataStream<AlertEvent> events, DataStream<Alert> alertStates, DataStream<RejectedReading> late) {

    public static RuleStages apply(DataStream<Reading> readings, DataStream<ConfigDocument> configDocuments,
            ParkConfig initial) {
        BroadcastStream<ConfigDocument> config = configDocuments.broadcast(PointRulesFunction.CONFIG);
        SingleOutputStreamOperator<AlertEvent> pointEvents = readings
                .keyBy(Reading::pointId)
                .connect(config)
                .process(new PointRulesFunction(initial))
                .uid("point-rules").name("point rules");
        // zones (voting), units (composite) and data loggers (stale) are decided per group
        SingleOutputStreamOperator<AlertEvent> groupEvents = pointEvents.getSideOutput(PointRulesFunction.SIGNALS)
                .keyBy(PointSignal::groupKey)
                .connect(config)
                .process(new GroupRulesFunction(initial))
                .uid("group-rules").name("group rules");
        return new RuleStages(pointEvents.union(groupEvents),
                pointEvents.getSideOutput(PointRulesFunction.ALERT_STATE)
                        .union(groupEvents.getSideOutput(PointRulesFunction.ALERT_STATE)),
                pointEvents.getSideOutput(PointRulesFunction.LATE));
    }
}
