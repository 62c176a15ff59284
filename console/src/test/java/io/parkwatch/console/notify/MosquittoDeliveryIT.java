package io.parkwatch.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parkwatch.console.LocalMosquitto;
import io.parkwatch.embeddedkafka.EmbeddedKafka;
import io.parkwatch.rules.model.AlertEventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enterprise control rooms subscribe on the park's broker: a real Mosquitto (Debian package, which
 * .ci/run installs), started here on a free port.
 */
public class MosquittoDeliveryIT {

    @TempDir
    Path dir;

    /** Collects what a control room receives. */
    public record Received(List<String> into) implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
            into.add(new String(m.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
        }

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
        }
    }

    @Test
    void eachControlRoomReceivesItsOwnEnterprisesEventsAndNoOthers() throws Exception {
        LocalMosquitto mosquitto = LocalMosquitto.start(dir);
        String url = mosquitto.url();
        try (EmbeddedKafka kafka = NotifierIT.kafka(dir.resolve("kafka"))) {
            MqttClient roomA = new MqttClient(url, "room-a", new MemoryPersistence());
            MqttClient roomB = new MqttClient(url, "room-b", new MemoryPersistence());
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                roomA.connect();
                return roomA.isConnected();
            });
            roomB.connect();
            List<String> gotA = new CopyOnWriteArrayList<>();
            List<String> gotB = new CopyOnWriteArrayList<>();
            // (Paho 1.2.5's subscribe-with-listener overload recurses; the client callback is the reliable path)
            roomA.setCallback(new Received(gotA));
            roomB.setCallback(new Received(gotB));
            roomA.subscribe("parkwatch/alerts/ent-a", 1);
            roomB.subscribe("parkwatch/alerts/ent-b", 1);

            NotifierIT.publish(kafka, NotifierIT.event("a1", "ent-a", AlertEventType.RAISED, null),
                    NotifierIT.event("b1", "ent-b", AlertEventType.RAISED, null),
                    NotifierIT.event("a2", "ent-a", AlertEventType.ACKNOWLEDGED, null));
            try (Notifier n = new Notifier(NotifierSettings.defaults(kafka.bootstrapServers(), "mqtt-test")
                    .withMaxAttempts(5).withBackoff(Duration.ofMillis(100)), List.of(new MqttAlertsChannel(url, null, null)))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> gotA.size() == 2 && gotB.size() == 1);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> gotA.size() == 2 && gotB.size() == 1);
            }
            assertThat(gotA).allSatisfy(m -> assertThat(m).contains("\"enterpriseId\":\"ent-a\""));
            assertThat(gotA.get(0)).contains("\"idempotencyKey\":\"a1\"");
            assertThat(gotB).singleElement().satisfies(m -> assertThat(m).contains("\"idempotencyKey\":\"b1\""));
            roomA.disconnect();
            roomB.disconnect();
            roomA.close();
            roomB.close();
        } finally {
            mosquitto.close();
        }
    }
}
