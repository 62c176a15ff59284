package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    static final Path FILE = Path.of("../config/parkwatch.yaml");

    @Test
    void environmentOverridesAnyValueByItsPath() {
        Settings s = Settings.load(FILE, Map.of("PARKWATCH_GATEWAY_MQTT_PORT", "1884",
                "PARKWATCH_JOB_CHECKPOINT_INTERVAL", "30s", "PARKWATCH_INFLUXDB_URL", "http://influx:8086"));
        assertThat(s.integer("gateway.mqtt-port")).isEqualTo(1884);
        assertThat(s.duration("job.checkpoint-interval")).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.text("influxdb.url")).isEqualTo("http://influx:8086");
        assertThat(s.integer("console.http-port")).isEqualTo(8080); // untouched
        assertThat(Settings.envName("gateway.max-payload-bytes")).isEqualTo("PARKWATCH_GATEWAY_MAX_PAYLOAD_BYTES");
    }

    @Test
    void influxOutputIsOffWhenUnsetAndRefusedWhenHalfSet() {
        Settings s = Settings.load(FILE, Map.of());
        assertThat(RecorderNode.influx(s)).isNull();
        Settings half = Settings.load(FILE, Map.of("PARKWATCH_INFLUXDB_URL", "http://influx:8086",
                "PARKWATCH_INFLUXDB_ORG", "park"));
        assertThatThrownBy(() -> RecorderNode.influx(half)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing: token, bucket (e.g. PARKWATCH_INFLUXDB_TOKEN)");
        Settings full = half.with("influxdb.token", "x").with("influxdb.bucket", "b");
        assertThat(RecorderNode.influx(full).bucket()).isEqualTo("b");
    }

    @Test
    void badValuesNameTheirPath() {
        Settings s = Settings.load(FILE, Map.of("PARKWATCH_GATEWAY_MQTT_PORT", "eighteen"));
        assertThatThrownBy(() -> s.integer("gateway.mqtt-port"))
                .hasMessageContaining("gateway.mqtt-port: must be a whole number, got 'eighteen'");
        assertThatThrownBy(() -> s.text("gateway.nope")).hasMessageContaining("set PARKWATCH_GATEWAY_NOPE");
    }

    @Test
    void aBadRuleFileStopsStartUpBeforeAnythingRuns(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        java.nio.file.Files.writeString(rules, """
                rules:
                  - id: gas
                    type: threshold
                    match: { kind: gas_lel }
                    high: { alarm: 50, critical: 25 }
                """);
        Settings s = Settings.load(FILE, Map.of()).with("files.rules", rules.toString())
                .with("kafka.data-dir", dir.resolve("kafka"));
        assertThatThrownBy(() -> ParkWatchStandalone.start(s, Path.of("..").toAbsolutePath()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":5:24: rules[0].high.critical: critical limit 25.0 must be above the alarm limit 50.0");
        assertThat(dir.resolve("kafka")).doesNotExist();
    }
}
