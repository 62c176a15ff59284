package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class ClusterJobOptionsTest {

    @Test
    void argumentsBeatTheEnvironmentWhichBeatsDefaults() {
        JobSettings s = ClusterJobOptions.parse(new String[] {"--kafka", "k1:9092", "--delivery", "exactly-once"},
                Map.of("PARKWATCH_KAFKA_BOOTSTRAP_SERVERS", "from-env:9092", "PARKWATCH_JOB_CHECKPOINT_INTERVAL", "2s"))
                .settings(null);
        assertThat(s.kafkaBootstrap()).isEqualTo("k1:9092");
        assertThat(s.delivery()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(s.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.holdOff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.consumerGroup()).isEqualTo("parkwatch-rules");
    }

    @Test
    void influxDbOptionsOfEarlierVersionsAreRefusedWithWhereTheyWent() {
        assertThatThrownBy(() -> ClusterJobOptions.parse(new String[] {"--kafka", "k:9092", "--influxdb-url",
                "http://influx:8086", "--write-readings", "true"}, Map.of()))
                .hasMessageContaining("--influxdb-url is no longer the job's: InfluxDB is written by the recorder now")
                .hasMessageContaining("--write-readings is no longer the job's");
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        assertThatThrownBy(() -> ClusterJobOptions.parse(new String[] {"--chekpoint-interval", "2s", "--delivery"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option '--chekpoint-interval'")
                .hasMessageContaining("--delivery needs a value")
                .hasMessageContaining("--kafka (or PARKWATCH_KAFKA_BOOTSTRAP_SERVERS) is required");
        assertThatThrownBy(() -> ClusterJobOptions.parse(new String[] {"--kafka", "k:9092", "--delivery", "twice",
                "--hold-off", "soon"}, Map.of()))
                .hasMessageContaining("--delivery: must be at-least-once or exactly-once, got 'twice'")
                .hasMessageContaining("--hold-off:");
    }
}
