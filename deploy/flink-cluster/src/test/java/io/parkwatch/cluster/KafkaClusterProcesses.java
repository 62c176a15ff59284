package io.parkwatch.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A three-node KRaft Kafka cluster, each node broker and controller in a process of its own (as
 * kafka-server-start.sh runs it), with the replication a park runs: three copies of the internal topics and
 * {@code min.insync.replicas} 2. A node can be killed with SIGKILL and started again on its data.
 */
final class KafkaClusterProcesses implements AutoCloseable {

    static final int NODES = 3;

    private final Path home;
    private final String classpath;
    private final List<String> jvmArgs;
    private final int[] ports = new int[NODES];
    private final Proc[] nodes = new Proc[NODES];

    private KafkaClusterProcesses(Path home, String classpath, List<String> jvmArgs) {
        this.home = home;
        this.classpath = classpath;
        this.jvmArgs = jvmArgs;
    }

    static KafkaClusterProcesses start(Path home, String classpath, List<String> jvmArgs) throws Exception {
        KafkaClusterProcesses c = new KafkaClusterProcesses(home, classpath, jvmArgs);
        int[] controllers = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            c.ports[i] = Ports.free();
            controllers[i] = Ports.free();
        }
        String voters = java.util.stream.IntStream.range(0, NODES)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllers[i]).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int i = 0; i < NODES; i++) {
            Path dir = c.dir(i);
            Files.createDirectories(dir);
            Files.writeString(c.properties(i), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=" + (i + 1),
                    "listeners=PLAINTEXT://127.0.0.1:" + c.ports[i] + ",CONTROLLER://127.0.0.1:" + controllers[i],
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + c.ports[i],
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.quorum.voters=" + voters,
                    "log.dirs=" + dir.resolve("data"),
                    "offsets.topic.replication.factor=3",
                    "transaction.state.log.replication.factor=3",
                    "transaction.state.log.min.isr=2",
                    "default.replication.factor=3",
                    "min.insync.replicas=2",
                    "group.initial.rebalance.delay.ms=0",
                    // a killed node is noticed within seconds, not the default 9 s of missed heartbeats
                    "broker.session.timeout.ms=6000",
                    "broker.heartbeat.interval.ms=1000",
                    "") + "\n");
            // kafka-storage.sh format, the same cluster id on every node, the voters from the configuration
            Proc format = Proc.java("kafka-storage-format-" + (i + 1), dir, dir.resolve("format.log"), jvmArgs,
                    classpath, "kafka.tools.StorageTool", List.of("format", "-t", clusterId, "-c",
                            c.properties(i).toString()), Map.of());
            if (format.await(60) != 0) {
                throw new IllegalStateException("kafka-storage format failed:\n" + format.tail());
            }
        }
        for (int i = 0; i < NODES; i++) {
            c.startNode(i + 1);
        }
        return c;
    }

    private Path dir(int i) {
        return home.resolve("kafka-" + (i + 1));
    }

    private Path properties(int i) {
        return dir(i).resolve("server.properties");
    }

    /** Starts node {@code id} (1-based) on its data, as a supervisor restarts it. */
    void startNode(int id) {
        int i = id - 1;
        nodes[i] = Proc.java("kafka-" + id, dir(i), dir(i).resolve("kafka.log"), jvmArgs, classpath, "kafka.Kafka",
                List.of(properties(i).toString()), Map.of());
    }

    /** SIGKILL of node {@code id}: no clean shutdown, no leadership handed over. */
    void kill9(int id) throws InterruptedException {
        nodes[id - 1].kill9();
    }

    /** Node ids by their advertised port, for matching a partition's leader. */
    int nodeAt(int port) {
        for (int i = 0; i < NODES; i++) {
            if (ports[i] == port) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no node on port " + port);
    }

    String bootstrap() {
        List<String> all = new ArrayList<>();
        for (int p : ports) {
            all.add("127.0.0.1:" + p);
        }
        return String.join(",", all);
    }

    @Override
    public void close() throws InterruptedException {
        for (Proc p : nodes) {
            if (p != null) {
                p.close();
            }
        }
    }
}
