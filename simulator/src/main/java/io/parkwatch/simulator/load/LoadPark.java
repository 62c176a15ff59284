package io.parkwatch.simulator.load;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The park a load run publishes to: enterprise ent-load with points LOAD-1..N (combustible gas, alarm
 * at 50 %LEL, no delays, so each crossing is one alert right away) and one device per connection.
 */
public final class LoadPark {

    public static final String PREFIX = "LOAD-";
    public static final String ENTERPRISE = "ent-load";
    public static final String PASSWORD = "load-demo";

    private LoadPark() {
    }

    public static String pointId(int i) {
        return PREFIX + i;
    }

    /** The HJ 212 code of a load point (site code: L + its number). */
    public static String code(int i) {
        return "L" + i;
    }

    /** The MN of the HJ 212 data logger of a connection. */
    public static String mn(int connection) {
        return String.format("LOAD2026%016d", connection);
    }

    public static String device(int connection) {
        return "load-dl-" + connection;
    }

    /** Writes points.yaml, rules.yaml, devices.yaml, users.yaml and env.sh (the overrides that use them) to {@code dir}. */
    public static void write(Path dir, int points, int connections) throws IOException {
        Files.createDirectories(dir);
        StringBuilder p = new StringBuilder("enterprises:\n  - { id: " + ENTERPRISE + ", name: Load test plant }\npoints:\n");
        for (int i = 1; i <= points; i++) {
            p.append("  - { id: ").append(pointId(i)).append(", enterprise: ").append(ENTERPRISE)
                    .append(", kind: gas_lel, unit: \"%LEL\", range: [0, 100], interval: 1s }\n");
        }
        Files.writeString(dir.resolve("points.yaml"), p);
        Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: load-gas
                    type: threshold
                    description: "load test: alarm at 50 %LEL, no delay"
                    match: { kind: gas_lel }
                    high: { alarm: 50 }
                    deadband: 2
                """);
        String hash = BCrypt.withDefaults().hashToString(10, PASSWORD.toCharArray());
        StringBuilder d = new StringBuilder("devices:\n");
        for (int c = 1; c <= connections; c++) {
            d.append("  - { username: ").append(device(c)).append(", enterprise: ").append(ENTERPRISE)
                    .append(", password-hash: \"").append(hash).append("\" }\n");
        }
        Files.writeString(dir.resolve("devices.yaml"), d);
        Files.writeString(dir.resolve("users.yaml"), "users:\n  - { username: duty, role: park-officer, password-hash: \""
                + hash + "\" }   # password: load-demo\n");
        StringBuilder h = new StringBuilder("loggers:\n");
        for (int c = 1; c <= connections; c++) {
            h.append("  - mn: \"").append(mn(c)).append("\"\n    enterprise: ").append(ENTERPRISE)
                    .append("\n    password-hash: \"").append(hash).append("\"\n    codes:\n");
            for (int i = c; i <= points; i += connections) {
                h.append("      ").append(code(i)).append(": ").append(pointId(i)).append('\n');
            }
        }
        Files.writeString(dir.resolve("hj212.yaml"), h);
        // config/parkwatch.yaml with these overrides runs ParkWatch on this park: . DIR/env.sh; ./parkwatch run
        Files.writeString(dir.resolve("env.sh"), """
                # ParkWatch on the load park (written by ./parkwatch load --write-park): . %1$s/env.sh; ./parkwatch run
                export PARKWATCH_FILES_POINTS=%1$s/points.yaml PARKWATCH_FILES_RULES=%1$s/rules.yaml
                export PARKWATCH_FILES_DEVICES=%1$s/devices.yaml PARKWATCH_FILES_USERS=%1$s/users.yaml
                export PARKWATCH_FILES_MAINTENANCE= PARKWATCH_FILES_CONTACTS= PARKWATCH_FILES_OPERATIONS= PARKWATCH_FILES_RISK= PARKWATCH_FILES_SITE_PLAN=
                export PARKWATCH_FILES_HJ212=%1$s/hj212.yaml
                export PARKWATCH_KAFKA_DATA_DIR=%1$s/data/kafka PARKWATCH_JOB_CHECKPOINT_DIR=%1$s/data/checkpoints
                export PARKWATCH_CONSOLE_SESSION_FILE= PARKWATCH_INFLUXDB_READINGS=false
                export PARKWATCH_GATEWAY_MAX_READINGS_PER_SECOND=100000000 PARKWATCH_GATEWAY_BACKPRESSURE_HIGH=200000
                """.formatted(dir.toAbsolutePath()));
    }
}
