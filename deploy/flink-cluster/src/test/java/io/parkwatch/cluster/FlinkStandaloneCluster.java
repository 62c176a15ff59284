package io.parkwatch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A Flink standalone session cluster of separate processes: a JobManager and TaskManagers started with
 * the entry points Flink's jobmanager.sh and taskmanager.sh use (memory settings computed by Flink's own
 * BashJavaUtils, as the scripts do), and the REST API a user submits through.
 */
final class FlinkStandaloneCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path lib;
    private final Path home;
    private final int restPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Proc> processes = new ArrayList<>();
    private final List<Proc> taskManagers = new ArrayList<>();
    private Proc jobManager;

    /**
     * @param lib  the Flink version's jars (test-fixtures/flink-dist/target/lib)
     * @param home where conf/, log/, checkpoints and savepoints go
     */
    FlinkStandaloneCluster(Path lib, Path home, Map<String, Object> extraConfig) throws IOException {
        this.lib = lib;
        this.home = home;
        this.restPort = Ports.free();
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("log"));
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "localhost");
        conf.put("jobmanager.rpc.port", Ports.free());
        conf.put("jobmanager.bind-host", "localhost");
        conf.put("jobmanager.memory.process.size", "768m");
        conf.put("taskmanager.bind-host", "localhost");
        conf.put("taskmanager.host", "localhost");
        conf.put("taskmanager.numberOfTaskSlots", 2);
        conf.put("taskmanager.memory.process.size", "1280m");
        conf.put("taskmanager.memory.managed.size", "64m"); // the hashmap state backend keeps state on the heap
        conf.put("rest.address", "localhost");
        conf.put("rest.bind-address", "localhost");
        conf.put("rest.port", restPort);
        conf.put("parallelism.default", 2);
        conf.put("execution.checkpointing.dir", home.resolve("checkpoints").toUri().toString());
        conf.put("execution.checkpointing.savepoint-dir", home.resolve("savepoints").toUri().toString());
        conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        conf.putAll(extraConfig);
        StringBuilder yaml = new StringBuilder();
        conf.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        Files.writeString(home.resolve("conf/config.yaml"), yaml);
        Files.writeString(home.resolve("conf/log4j.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = MainAppender
                appender.main.name = MainAppender
                appender.main.type = File
                appender.main.append = true
                appender.main.fileName = ${sys:log.file}
                appender.main.layout.type = PatternLayout
                appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
                """);
    }

    String restUrl() {
        return "http://localhost:" + restPort;
    }

    void startJobManager() throws Exception {
        List<List<String>> params = resourceParams("GET_JM_RESOURCE_PARAMS");
        List<String> args = new ArrayList<>(List.of("--configDir", home.resolve("conf").toString()));
        args.addAll(params.get(1));
        jobManager = start("jobmanager", params.get(0), "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                args);
    }

    /** Starts one more TaskManager process and returns it. */
    Proc startTaskManager() throws Exception {
        return startTaskManager(List.of());
    }

    /** The same, with JVM options of its own (a flight recording, say) after Flink's. */
    Proc startTaskManager(List<String> moreJvmOptions) throws Exception {
        List<List<String>> params = resourceParams("GET_TM_RESOURCE_PARAMS");
        List<String> args = new ArrayList<>(List.of("--configDir", home.resolve("conf").toString()));
        args.addAll(params.get(1));
        List<String> jvm = new ArrayList<>(params.get(0));
        jvm.addAll(moreJvmOptions);
        Proc tm = start("taskmanager-" + (taskManagers.size() + 1), jvm,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", args);
        taskManagers.add(tm);
        return tm;
    }

    private Proc start(String name, List<String> jvm, String main, List<String> args) {
        List<String> jvmArgs = new ArrayList<>(jvm);
        jvmArgs.add("-Dlog.file=" + home.resolve("log/" + name + ".log"));
        jvmArgs.add("-Dlog4j.configurationFile=" + home.resolve("conf/log4j.properties").toUri());
        Proc p = Proc.java(name, home, home.resolve("log/" + name + ".out"), jvmArgs, lib.resolve("*").toString(), main, args,
                Map.of());
        processes.add(p);
        return p;
    }

    /** What Flink's scripts compute before starting a process: [JVM options, -D dynamic properties]. */
    private List<List<String>> resourceParams(String command) throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", lib.resolve("*").toString(),
                "org.apache.flink.runtime.util.bash.BashJavaUtils", command, "--configDir", home.resolve("conf").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<List<String>> result = out.lines().filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
                .map(l -> Arrays.stream(l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList())
                .toList();
        if (result.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + command + " said:\n" + out);
        }
        return result;
    }

    // --- REST API --------------------------------------------------------------------------------

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode post(String path, Object body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** PATCH /jobs/{id}?mode=cancel. */
    void cancel(String jobId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("cancel " + jobId + " -> " + r.statusCode() + " " + r.body());
        }
    }

    /** POST /jars/upload (multipart, as the web UI and {@code curl -F jarfile=@...} send it); returns the jar id. */
    String uploadJar(Path jar) throws Exception {
        String boundary = "----parkwatch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(r.body());
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("jar upload refused: " + r.body());
        }
        String file = answer.get("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** POST /jars/{id}/run; returns the job id. */
    String run(String jarId, List<String> programArgs, int parallelism, String savepoint) throws Exception {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("programArgsList", programArgs);
        req.put("parallelism", parallelism);
        if (savepoint != null) {
            req.put("savepointPath", savepoint);
        }
        return post("/jars/" + jarId + "/run", req).get("jobid").asText();
    }

    /** The job's state, and whether every task of it is RUNNING. */
    String state(String jobId) throws Exception {
        JsonNode job = get("/jobs/" + jobId);
        String state = job.get("state").asText();
        if (!state.equals("RUNNING")) {
            return state;
        }
        for (JsonNode v : job.get("vertices")) {
            if (!v.get("status").asText().equals("RUNNING")) {
                return "RUNNING (" + v.get("name").asText() + " " + v.get("status").asText() + ")";
            }
        }
        return "RUNNING";
    }

    /** The id of the job's vertex whose name contains {@code name}, once it runs (null before). */
    String runningVertex(String jobId, String name) throws Exception {
        for (JsonNode v : get("/jobs/" + jobId).get("vertices")) {
            if (v.get("name").asText().contains(name) && v.get("status").asText().equals("RUNNING")) {
                return v.get("id").asText();
            }
        }
        return null;
    }

    /** The records a vertex has taken in, over its subtasks. */
    long recordsIn(String jobId, String vertexId) throws Exception {
        return get("/jobs/" + jobId + "/vertices/" + vertexId + "/subtasks/metrics?get=numRecordsIn&agg=sum").get(0)
                .get("sum").asLong();
    }

    int completedCheckpoints(String jobId) throws Exception {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asInt();
    }

    /** Where the job's state came from when it last (re)started, or "" if it started empty. */
    String restoredFrom(String jobId) throws Exception {
        return get("/jobs/" + jobId + "/checkpoints").path("latest").path("restored").path("external_path").asText("");
    }

    int registeredTaskManagers() throws Exception {
        return get("/overview").path("taskmanagers").asInt();
    }

    /** POST /jobs/{id}/stop (stop with a savepoint, no drain); waits for it and returns the savepoint's path. */
    String stopWithSavepoint(String jobId) throws Exception {
        String trigger = post("/jobs/" + jobId + "/stop", Map.of("drain", false)).get("request-id").asText();
        JsonNode op = Awaitility.await("stop-with-savepoint of " + jobId).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get("/jobs/" + jobId + "/savepoints/" + trigger),
                        s -> "COMPLETED".equals(s.path("status").path("id").asText()))
                .path("operation");
        if (op.has("failure-cause")) {
            throw new IllegalStateException("savepoint failed: " + op.get("failure-cause"));
        }
        return op.get("location").asText();
    }

    Proc jobManager() {
        return jobManager;
    }

    /** The TaskManager processes started, oldest first. */
    List<Proc> taskManagers() {
        return List.copyOf(taskManagers);
    }

    @Override
    public void close() throws Exception {
        for (Proc p : processes) {
            p.close();
        }
    }
}
