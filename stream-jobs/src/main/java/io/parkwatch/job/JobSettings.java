package io.parkwatch.job;

import java.io.Serializable;
import java.time.Duration;
import io.soabase.recordbuilder.core.RecordBuilder;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the job needs, serializable so it travels with the job graph. The point registry and
 * rule files travel as their text and are parsed (and validated) inside each operator.
 *
 * @param kafkaBootstrap     Kafka bootstrap servers
 * @param consumerGroup      group id of the readings source (offsets are committed on checkpoints)
 * @param config             the point registry, rule and maintenance files (as text)
 * @param checkpointInterval how often state is checkpointed
 * @param outOfOrderness     how far behind the newest reading a reading may arrive before it counts as late
 * @param idleness           after how long a silent source partition stops holding back the watermark
 * @param allowedLateness    how far behind the watermark a reading still in order for its point is evaluated
 *                           ({@link Lateness})
 * @param holdOff            a re-alarm this soon after recovery counts on the same alert
 * @param delivery           Kafka outputs: AT_LEAST_ONCE (out at once, consumers deduplicate by event id) or
 *                           EXACTLY_ONCE (transactions: visible to read_committed consumers when a checkpoint completes)
 */
@RecordBuilder
public record JobSettings(String kafkaBootstrap, String consumerGroup, ParkConfig config,
        Duration checkpointInterval, Duration outOfOrderness, Duration idleness, Duration allowedLateness,
        Duration holdOff, DeliveryGuarantee delivery,
        io.parkwatch.rules.incident.IncidentGrouping.Settings incidents) implements Serializable {

    /**
     * A builder with the defaults of parkwatch.yaml (checkpoints every 10 s, 5 s out of orderness, 30 s
     * idleness, 2 min allowed lateness, 5 min hold-off, at-least-once): a call names what it changes.
     */
    public static JobSettingsBuilder builder() {
        return JobSettingsBuilder.builder().checkpointInterval(Duration.ofSeconds(10))
                .outOfOrderness(Duration.ofSeconds(5)).idleness(Duration.ofSeconds(30))
                .allowedLateness(Duration.ofMinutes(2)).holdOff(Duration.ofMinutes(5))
                .delivery(DeliveryGuarantee.AT_LEAST_ONCE)
                .incidents(io.parkwatch.rules.incident.IncidentGrouping.Settings.DEFAULT);
    }
}
