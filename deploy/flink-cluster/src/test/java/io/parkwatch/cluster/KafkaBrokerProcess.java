package io.parkwatch.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft Kafka broker in its own process, from the Kafka jars (as kafka-server-start.sh runs it). */
final class KafkaBrokerProcess implements AutoCloseable {

    private final Proc process;
    private final int port;

    private KafkaBrokerProcess(Proc process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaBrokerProcess start(Path home, String classpath, List<String> jvmArgs) throws Exception {
        Files.createDirectories(home);
        int port = Ports.free();
        int controller = Ports.free();
        Path props = home.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                "log.dirs=" + home.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") + "\n");
        // kafka-storage.sh format --standalone
        Proc format = Proc.java("kafka-storage-format", home, home.resolve("format.log"), jvmArgs, classpath,
                "kafka.tools.StorageTool", List.of("format", "-t", Uuid.randomUuid().toString(), "-c", props.toString(),
                        "--standalone"), Map.of());
        if (format.await(60) != 0) {
            throw new IllegalStateException("kafka-storage format failed:\n" + format.tail());
        }
        return new KafkaBrokerProcess(Proc.java("kafka", home, home.resolve("kafka.log"), jvmArgs, classpath, "kafka.Kafka",
                List.of(props.toString()), Map.of()), port);
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Proc process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
