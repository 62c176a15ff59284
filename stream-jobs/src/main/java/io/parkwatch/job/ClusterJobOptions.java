package io.parkwatch.job;

import io.parkwatch.rules.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The cluster job's settings from its program arguments ({@code --kafka kafka:9092}) or, for each one not
 * given, from the environment variable the standalone's parkwatch.yaml uses for the same thing
 * ({@code PARKWATCH_KAFKA_BOOTSTRAP_SERVERS}). Secrets (the InfluxDB token) belong in the environment:
 * program arguments are shown in Flink's web UI.
 */
public final class ClusterJobOptions {

    /** option -> environment variable, in the order {@code --help} lists them. */
    static final Map<String, String> ENV = new LinkedHashMap<>();
    private static final Map<String, String> DEFAULTS = new HashMap<>();
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        option("kafka", "PARKWATCH_KAFKA_BOOTSTRAP_SERVERS", null, "Kafka bootstrap servers (required)");
        option("group", "PARKWATCH_JOB_GROUP", "parkwatch-rules",
                "consumer group of the sources, also the prefix of transactional ids");
        option("checkpoint-interval", "PARKWATCH_JOB_CHECKPOINT_INTERVAL", "10s", "how often state is checkpointed");
        option("delivery", "PARKWATCH_JOB_DELIVERY", "at-least-once",
                "at-least-once (alerts out at once; consumers deduplicate by event id) or exactly-once (transactions)");
        option("hold-off", "PARKWATCH_JOB_HOLD_OFF", "5m", "a re-alarm this soon after recovery counts on the same alert");
        option("incident-join-within", "PARKWATCH_INCIDENTS_JOIN_WITHIN", "10m",
                "an alarm this close to an incident's last one of the same enterprise joins it");
        option("flood-above", "PARKWATCH_INCIDENTS_FLOOD_ABOVE", "10", "a flood is more alarms than this ...");
        option("flood-window", "PARKWATCH_INCIDENTS_FLOOD_WINDOW", "10m", "... within this window (EEMUA 191)");
        option("out-of-orderness", "PARKWATCH_JOB_OUT_OF_ORDERNESS", "5s", "how late a reading may be before it is LATE");
        option("idleness", "PARKWATCH_JOB_IDLENESS", "30s", "a silent partition stops holding back event time after this");
        option("allowed-lateness", "PARKWATCH_JOB_ALLOWED_LATENESS", "2m",
                "a reading behind event time but in order for its point is still evaluated within this");
    }

    /** Options of earlier versions whose work moved elsewhere: refused with where it went. */
    private static final Map<String, String> MOVED = Map.of(
            "write-readings", "readings are recorded by the recorder now (PARKWATCH_INFLUXDB_READINGS)",
            "influxdb-url", "InfluxDB is written by the recorder now (parkwatch recorder), which reads Kafka at its "
                    + "own pace so a slow store never holds up alerting",
            "influxdb-token", "set it for the recorder (parkwatch recorder)",
            "influxdb-org", "set it for the recorder (parkwatch recorder)",
            "influxdb-bucket", "set it for the recorder (parkwatch recorder)");

    private final Map<String, String> values;

    private ClusterJobOptions(Map<String, String> values) {
        this.values = values;
    }

    private static void option(String name, String env, String defaultValue, String help) {
        ENV.put(name, env);
        HELP.put(name, help);
        if (defaultValue != null) {
            DEFAULTS.put(name, defaultValue);
        }
    }

    /**
     * Reads {@code --name value} pairs, then the environment, then defaults.
     *
     * @throws IllegalArgumentException naming every unknown option, missing value and bad value at once
     */
    public static ClusterJobOptions parse(String[] args, Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : null;
            if (name != null && MOVED.containsKey(name)) {
                errors.add("--" + name + " is no longer the job's: " + MOVED.get(name));
                i++;
            } else if (name == null || !ENV.containsKey(name)) {
                errors.add("unknown option '" + a + "'");
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                errors.add("--" + name + " needs a value");
            } else {
                given.put(name, args[++i]);
            }
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, String> o : ENV.entrySet()) {
            String v = given.getOrDefault(o.getKey(), env.getOrDefault(o.getValue(), DEFAULTS.get(o.getKey())));
            if (v == null || v.isBlank() && !DEFAULTS.containsKey(o.getKey())) {
                errors.add("--" + o.getKey() + " (or " + o.getValue() + ") is required");
            } else {
                values.put(o.getKey(), v.trim());
            }
        }
        ClusterJobOptions options = new ClusterJobOptions(values);
        if (errors.isEmpty()) {
            options.check(errors);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors) + "\n\n" + usage());
        }
        return options;
    }

    private void check(List<String> errors) {
        for (String d : List.of("checkpoint-interval", "hold-off", "out-of-orderness", "idleness", "allowed-lateness",
                "incident-join-within",
                "flood-window")) {
            try {
                Durations.parse(values.get(d));
            } catch (IllegalArgumentException e) {
                errors.add("--" + d + ": " + e.getMessage());
            }
        }
        try {
            delivery();
        } catch (IllegalArgumentException e) {
            errors.add("--delivery: " + e.getMessage());
        }
    }

    public static String usage() {
        StringBuilder b = new StringBuilder("ParkWatch rules job: --option value, or the environment variable\n");
        HELP.forEach((name, help) -> b.append(String.format("  --%-20s %-34s %s%n", name, ENV.get(name),
                help + (DEFAULTS.containsKey(name) && !DEFAULTS.get(name).isEmpty() ? " [" + DEFAULTS.get(name) + "]" : ""))));
        return b.toString();
    }

    public String kafka() {
        return values.get("kafka");
    }

    public DeliveryGuarantee delivery() {
        return switch (values.get("delivery").toLowerCase(Locale.ROOT)) {
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            default -> throw new IllegalArgumentException(
                    "must be at-least-once or exactly-once, got '" + values.get("delivery") + "'");
        };
    }

    /** The job's settings, with the park configuration read from the config topic by the caller. */
    public JobSettings settings(ParkConfig config) {
        return JobSettings.builder().kafkaBootstrap(kafka()).consumerGroup(values.get("group")).config(config)
                .checkpointInterval(duration("checkpoint-interval")).outOfOrderness(duration("out-of-orderness"))
                .idleness(duration("idleness")).allowedLateness(duration("allowed-lateness")).holdOff(duration("hold-off"))
                .delivery(delivery()).incidents(new io.parkwatch.rules.incident.IncidentGrouping.Settings(
                        duration("incident-join-within"), new io.parkwatch.rules.incident.Flood(
                                Integer.parseInt(values.get("flood-above")), duration("flood-window")))).build();
    }

    private Duration duration(String name) {
        return Durations.parse(values.get(name));
    }
}
