package io.parkwatch.job;

import java.io.Serializable;
import java.time.Duration;
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
 * @param influx             where to write readings and alert events, or null for no InfluxDB output
 * @param writeReadings      whether raw readings go to InfluxDB too (alert events always do)
 * @param holdOff            a re-alarm this soon after recovery counts on the same alert
 * @param delivery           Kafka outputs: AT_LEAST_ONCE (out at once, consumers deduplicate by event id) or
 *                           EXACTLY_ONCE (transactions: visible to read_committed consumers when a checkpoint completes)
 */
public record JobSettings(String kafkaBootstrap, String consumerGroup, ParkConfig config,
        Duration checkpointInterval, Duration outOfOrderness, Duration idleness, InfluxSettings influx,
        boolean writeReadings, Duration holdOff, DeliveryGuarantee delivery) implements Serializable {

    public JobSettings(String kafkaBootstrap, String consumerGroup, ParkConfig config, Duration checkpointInterval,
            Duration outOfOrderness, Duration idleness, InfluxSettings influx, boolean writeReadings, Duration holdOff) {
        this(kafkaBootstrap, consumerGroup, config, checkpointInterval, outOfOrderness, idleness, influx, writeReadings,
                holdOff, DeliveryGuarantee.AT_LEAST_ONCE);
    }

    public JobSettings(String kafkaBootstrap, String consumerGroup, ParkConfig config, Duration checkpointInterval,
            Duration outOfOrderness, Duration idleness, InfluxSettings influx, boolean writeReadings) {
        this(kafkaBootstrap, consumerGroup, config, checkpointInterval, outOfOrderness, idleness, influx, writeReadings,
                Duration.ofMinutes(5));
    }
}
