package io.parkwatch.ingest.mqtt;

import io.parkwatch.ingest.Gateway;
import io.parkwatch.ingest.GatewayConfig;
import io.parkwatch.ingest.device.Device;
import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.platform.kafka.TopicSpec;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.PointRegistryFile;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.wire.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** A real Kafka broker and a real gateway on free ports, and Paho clients that connect to it. */
public final class GatewayFixture implements AutoCloseable {

    public static final PointRegistry POINTS = PointRegistryFile.parse(YamlSource.parse("points.yaml", """
            enterprises: [ { id: ent-a }, { id: ent-b } ]
            points:
              - { id: A1, enterprise: ent-a, kind: gas_lel, range: [0, 100] }
              - { id: A2, enterprise: ent-a, kind: temperature, range: [-20, 80] }
              - { id: B1, enterprise: ent-b, kind: gas_lel, range: [0, 100] }
              - { id: B2, enterprise: ent-b, kind: gas_toxic, range: [0, 100] }
            """));
    public static final DeviceRegistry DEVICES = new DeviceRegistry(List.of(
            new Device("dev-a", DeviceRegistry.hash("secret-a"), "ent-a"),
            new Device("dev-b", DeviceRegistry.hash("secret-b"), "ent-b"),
            new Device("dev-a1", DeviceRegistry.hash("secret-a1"), "ent-a", java.util.Set.of("A1"))));

    public final EmbeddedKafka kafka;
    public final Gateway gateway;

    public GatewayFixture(Path dir, GatewayConfig config) throws Exception {
        this(dir, config, java.util.Map.of());
    }

    public GatewayFixture(Path dir, GatewayConfig config, java.util.Map<String, io.parkwatch.ingest.hj212.Hj212Logger> loggers)
            throws Exception {
        kafka = new EmbeddedKafka(dir, 0).start();
        kafka.createTopics(Topics.ALL.stream().map(t -> new TopicSpec(t, Topics.partitions(t, 2), Topics.isCompacted(t))).toList());
        gateway = Gateway.start(config.withPort(0), () -> POINTS, DEVICES, () -> loggers, kafka.bootstrapServers());
    }

    public String uri() {
        return "tcp://127.0.0.1:" + gateway.mqttPort();
    }

    public MqttAsyncClient v5(String user, String password) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri(), "v5-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        o.setPassword(password.getBytes());
        o.setAutomaticReconnect(false);
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    org.eclipse.paho.client.mqttv3.MqttAsyncClient v3(String user, String password) throws Exception {
        org.eclipse.paho.client.mqttv3.MqttAsyncClient c = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(uri(),
                "v3-" + UUID.randomUUID(), new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setUserName(user);
        o.setPassword(password.toCharArray());
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    /** An MQTT packet as the bytes a device puts on the wire (for raw-socket tests). */
    public static byte[] bytes(io.netty.handler.codec.mqtt.MqttMessage m) {
        io.netty.channel.embedded.EmbeddedChannel ch = new io.netty.channel.embedded.EmbeddedChannel(
                io.netty.handler.codec.mqtt.MqttEncoder.INSTANCE);
        ch.writeOutbound(m);
        io.netty.buffer.ByteBuf b = ch.readOutbound();
        byte[] bytes = io.netty.buffer.ByteBufUtil.getBytes(b);
        b.release();
        return bytes;
    }

    public String bootstrap() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        gateway.close();
        kafka.close();
    }
}
