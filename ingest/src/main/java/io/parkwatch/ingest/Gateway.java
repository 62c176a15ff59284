package io.parkwatch.ingest;

import io.parkwatch.ingest.device.DeviceRegistry;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.kafka.KafkaReadingSink;
import io.parkwatch.ingest.mqtt.MqttGateway;
import io.parkwatch.rules.config.PointRegistry;
import java.time.Duration;
import java.util.Map;

/** The gateway process: MQTT endpoint, validation, and the Kafka producer behind them. */
public final class Gateway implements AutoCloseable {

    private final KafkaReadingSink sink;
    private final MqttGateway mqtt;

    private Gateway(KafkaReadingSink sink, MqttGateway mqtt) {
        this.sink = sink;
        this.mqtt = mqtt;
    }

    public static Gateway start(GatewayConfig config, PointRegistry points, DeviceRegistry devices,
            String kafkaBootstrap) throws InterruptedException {
        return start(config, () -> points, devices, kafkaBootstrap);
    }

    /** With a registry that may change while running (followed from the config topic). */
    public static Gateway start(GatewayConfig config, java.util.function.Supplier<PointRegistry> points,
            DeviceRegistry devices, String kafkaBootstrap) throws InterruptedException {
        KafkaReadingSink sink = new KafkaReadingSink(kafkaBootstrap, config.deliveryTimeout(), Map.of());
        try {
            sink.awaitReady(Duration.ofSeconds(60));
            ReadingIntake intake = new ReadingIntake(points, config.futureSkew(), config.maxPayloadBytes());
            MqttGateway mqtt = new MqttGateway(config, () -> devices, intake, sink).start();
            return new Gateway(sink, mqtt);
        } catch (RuntimeException | InterruptedException e) {
            sink.close();
            throw e;
        }
    }

    public int mqttPort() {
        return mqtt.port();
    }

    @Override
    public void close() {
        mqtt.close(); // stop taking readings first, then let the producer flush what it holds
        sink.close();
    }
}
