package io.parkwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.parkwatch.job.ClusterJobOptions;
import io.parkwatch.cli.ParkWatchCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The deployment files, checked as far as a machine without Docker or Kubernetes allows: every file they
 * mount or copy exists (after {@code mvn package}), every PARKWATCH_ variable names a real setting, every
 * command is a real parkwatch command, the job's arguments parse, Services select Deployments, the Grafana
 * dashboard queries what the job writes. (.ci/run also runs {@code docker compose config} on the Compose file.)
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("deploy/compose");
    private static final Path K8S = ROOT.resolve("deploy/kubernetes");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void composeFileReferencesOnlyWhatExists() throws Exception {
        JsonNode compose = compose();
        Map<String, String> dotEnv = dotEnv(COMPOSE.resolve(".env.example"));
        JsonNode services = compose.get("services");
        assertThat(fieldNames(services)).contains("kafka", "init", "jobmanager", "taskmanager", "influxdb", "mosquitto",
                "gateway", "console", "recorder", "grafana");
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> s = it.next();
            JsonNode svc = s.getValue();
            assertThat(svc.has("image") || svc.has("build")).as(s.getKey() + ": image or build").isTrue();
            for (String dep : dependsOn(svc)) {
                assertThat(services.has(dep)).as(s.getKey() + " depends on " + dep).isTrue();
            }
            for (JsonNode v : svc.path("volumes")) {
                String source = v.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(COMPOSE.resolve(source).normalize()).as(s.getKey() + " mounts " + source).exists();
                } else {
                    assertThat(compose.path("volumes").has(source)).as(s.getKey() + ": named volume " + source).isTrue();
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> env = svc.path("environment").fields(); env.hasNext();) {
                Map.Entry<String, JsonNode> e = env.next();
                checkEnvName(s.getKey(), e.getKey());
                for (String var : variables(e.getValue().asText())) {
                    assertThat(dotEnv).as(s.getKey() + ": ${" + var + "} in .env.example").containsKey(var);
                }
            }
        }
        for (String svc : List.of("init", "gateway", "console")) {
            assertThat(parkwatchCommands()).as(svc).contains(services.get(svc).get("command").get(0).asText());
            assertThat(services.get(svc).path("environment").path("PARKWATCH_KAFKA_BOOTSTRAP_SERVERS").asText())
                    .isEqualTo("kafka:9092");
        }
        // application mode: the job class and its arguments, with the environment the JobManager gets
        List<String> jm = List.of(services.get("jobmanager").get("command").asText().trim().split("\\s+"));
        assertThat(jm.subList(0, 2)).containsExactly("standalone-job", "--job-classname");
        assertThat(Class.forName(jm.get(2))).isNotNull();
        Map<String, String> env = new HashMap<>();
        services.get("jobmanager").get("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), substitute(e.getValue().asText(), dotEnv)));
        assertThatCode(() -> ClusterJobOptions.parse(jm.subList(3, jm.size()).toArray(String[]::new), env))
                .doesNotThrowAnyException();
        // InfluxDB is the recorder's, with all four settings
        assertThat(services.get("recorder").get("command").get(0).asText()).isEqualTo("recorder");
        assertThat(fieldNames(services.get("recorder").get("environment"))).contains("PARKWATCH_INFLUXDB_URL",
                "PARKWATCH_INFLUXDB_TOKEN", "PARKWATCH_INFLUXDB_ORG", "PARKWATCH_INFLUXDB_BUCKET");
        assertThat(services.get("jobmanager").get("image").asText()).isEqualTo("flink:" + flinkVersion() + "-java17");
        assertThat(services.get("influxdb").get("image").asText()).isEqualTo("influxdb:2.7");
        dockerfileSourcesExist(COMPOSE.resolve("parkwatch.Dockerfile"));
    }

    @Test
    void grafanaDashboardQueriesWhatTheJobWrites() throws Exception {
        JsonNode ds = YAML.readTree(COMPOSE.resolve("grafana/provisioning/datasources/influxdb.yaml").toFile())
                .get("datasources").get(0);
        assertThat(ds.get("type").asText()).isEqualTo("influxdb");
        assertThat(ds.get("jsonData").get("version").asText()).isEqualTo("Flux");
        JsonNode grafana = compose().get("services").get("grafana");
        for (String var : variables(YAML.writeValueAsString(ds))) {
            assertThat(grafana.get("environment").has(var)).as("grafana gets ${" + var + "}").isTrue();
        }
        JsonNode dashboard = JSON.readTree(COMPOSE.resolve("grafana/dashboards/parkwatch-overview.json").toFile());
        Set<String> measurements = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asText()).isEqualTo(ds.get("uid").asText());
            for (JsonNode t : panel.get("targets")) {
                Matcher m = Pattern.compile("_measurement == \"([a-z_]+)\"").matcher(t.get("query").asText());
                while (m.find()) {
                    measurements.add(m.group(1));
                }
            }
        }
        // what io.parkwatch.job.influx.LineProtocol writes
        assertThat(measurements).isNotEmpty().isSubsetOf("reading", "alert_event", "alert_command")
                .contains("reading", "alert_event");
    }

    @Test
    void kubernetesManifestsHoldTogether() throws Exception {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        List<JsonNode> docs = new ArrayList<>();
        for (JsonNode r : kustomization.get("resources")) {
            Path file = K8S.resolve(r.asText());
            assertThat(file).exists();
            docs.addAll(documents(file));
        }
        Map<String, JsonNode> podLabels = new HashMap<>();
        for (JsonNode d : docs) {
            assertThat(d.hasNonNull("apiVersion") && d.hasNonNull("kind") && d.path("metadata").hasNonNull("name"))
                    .as("apiVersion, kind, metadata.name: " + d).isTrue();
            if (d.get("kind").asText().equals("Deployment")) {
                JsonNode labels = d.at("/spec/template/metadata/labels");
                d.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                        assertThat(labels.path(e.getKey()).asText()).as(name(d) + " selector").isEqualTo(e.getValue().asText()));
                podLabels.put(name(d), labels);
            }
            for (JsonNode c : containers(d)) {
                if (c.path("image").asText().startsWith("parkwatch/parkwatch:")) {
                    assertThat(parkwatchCommands()).as(name(d)).contains(c.get("args").get(0).asText());
                }
                for (JsonNode e : c.path("env")) {
                    checkEnvName(name(d), e.get("name").asText());
                }
            }
        }
        for (JsonNode d : docs) {
            if (d.get("kind").asText().equals("Service")) {
                JsonNode selector = d.at("/spec/selector");
                assertThat(podLabels.values()).as(name(d) + " selects a Deployment's pods").anyMatch(labels -> {
                    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                            return false;
                        }
                    }
                    return true;
                });
            }
        }
        JsonNode flink = docs.stream().filter(d -> d.get("kind").asText().equals("FlinkDeployment")).findFirst().orElseThrow();
        String version = flinkVersion();
        assertThat(flink.at("/spec/flinkVersion").asText()).isEqualTo("v" + version.substring(0, version.lastIndexOf('.'))
                .replace('.', '_'));
        assertThat(Class.forName(flink.at("/spec/job/entryClass").asText())).isNotNull();
        assertThat(flink.at("/spec/job/jarURI").asText()).endsWith("/" + Path.of("target/parkwatch-flink-job.jar").getFileName());
        assertThat(flink.at("/spec/job/upgradeMode").asText()).isEqualTo("savepoint");
        Map<String, String> env = new HashMap<>();
        documents(K8S.resolve("parkwatch-env.example.yaml")).get(0).get("data").fields().forEachRemaining(e -> {
            checkEnvName("parkwatch-env", e.getKey());
            env.put(e.getKey(), e.getValue().asText());
        });
        List<String> args = new ArrayList<>();
        flink.at("/spec/job/args").forEach(a -> args.add(a.asText()));
        assertThat(ClusterJobOptions.parse(args.toArray(String[]::new), env).settings(null)).isNotNull();
        assertThat(env).containsKeys("PARKWATCH_INFLUXDB_URL", "PARKWATCH_INFLUXDB_ORG", "PARKWATCH_INFLUXDB_BUCKET");
        assertThat(docs.stream().filter(d -> name(d).equals("Deployment parkwatch-recorder")).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0/args/0").asText()).isEqualTo("recorder");
        dockerfileSourcesExist(K8S.resolve("flink-job.Dockerfile"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** The Compose file with its anchors and merge keys resolved, as docker compose reads it. */
    private static JsonNode compose() throws IOException {
        try (var in = Files.newBufferedReader(COMPOSE.resolve("compose.yaml"))) {
            Object tree = new org.yaml.snakeyaml.Yaml().load(in);
            return JSON.valueToTree(tree);
        }
    }

    /** A PARKWATCH_ variable must name a setting of config/parkwatch.yaml (or an option of the cluster job). */
    private static void checkEnvName(String where, String name) {
        if (!name.startsWith("PARKWATCH_")) {
            return;
        }
        Set<String> known = new HashSet<>();
        try {
            collectEnvNames(YAML.readTree(ROOT.resolve("config/parkwatch.yaml").toFile()), "PARKWATCH", known);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        known.addAll(clusterJobVariables());
        assertThat(known).as(where + ": " + name + " is a setting").contains(name);
    }

    private static void collectEnvNames(JsonNode node, String prefix, Set<String> out) {
        node.fields().forEachRemaining(e -> {
            String name = prefix + "_" + e.getKey().toUpperCase().replace('-', '_').replace('.', '_');
            if (e.getValue().isObject()) {
                collectEnvNames(e.getValue(), name, out);
            } else {
                out.add(name);
            }
        });
    }

    private static Set<String> clusterJobVariables() {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("(PARKWATCH_[A-Z_]+)").matcher(ClusterJobOptions.usage());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> parkwatchCommands() {
        return new CommandLine(new ParkWatchCli()).getSubcommands().keySet();
    }

    private static String flinkVersion() {
        return EnvironmentInformation.getVersion();
    }

    private static void dockerfileSourcesExist(Path dockerfile) throws IOException {
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.startsWith("COPY ")) {
                String[] parts = line.replaceAll("--chown=\\S+ ", "").split("\\s+");
                for (int i = 1; i < parts.length - 1; i++) {
                    assertThat(ROOT.resolve(parts[i])).as(dockerfile.getFileName() + ": " + line).exists();
                }
            }
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    out.add(d);
                }
            });
        }
        return out;
    }

    private static List<JsonNode> containers(JsonNode d) {
        List<JsonNode> out = new ArrayList<>();
        for (String path : List.of("/spec/template/spec/containers", "/spec/podTemplate/spec/containers")) {
            if (d.at(path) instanceof ArrayNode a) {
                a.forEach(out::add);
            }
        }
        return out;
    }

    private static String name(JsonNode d) {
        return d.get("kind").asText() + " " + d.at("/metadata/name").asText();
    }

    private static List<String> dependsOn(JsonNode svc) {
        JsonNode d = svc.path("depends_on");
        List<String> out = new ArrayList<>();
        if (d.isArray()) {
            d.forEach(n -> out.add(n.asText()));
        } else {
            d.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> variables(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String substitute(String text, Map<String, String> vars) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(b).toString();
    }

    private static Map<String, String> dotEnv(Path file) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                out.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return out;
    }
}
