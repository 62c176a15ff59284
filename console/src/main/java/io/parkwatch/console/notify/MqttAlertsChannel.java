package io.parkwatch.console.notify;

import io.parkwatch.rules.model.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * Publishes each event of an enterprise to {@code parkwatch/alerts/{enterpriseId}} on the park's MQTT
 * broker (QoS 1), where that enterprise's control room subscribes; the payload carries the event id
 * as idempotency key.
 */
public final class MqttAlertsChannel implements Channel {

    private final MqttClient client;
    private final MqttConnectionOptions options = new MqttConnectionOptions();

    public MqttAlertsChannel(String brokerUrl, String username, String password) throws Exception {
        client = new MqttClient(brokerUrl, "parkwatch-notifier-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        if (username != null && !username.isEmpty()) {
            options.setUserName(username);
            options.setPassword(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
        }
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public boolean forPeople() {
        return false; // control-room screens and systems subscribe; the held-back state travels in the event
    }

    @Override
    public boolean accepts(AlertEvent e) {
        return e.enterpriseId() != null && !RiskNotices.personal(e);
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        if (!client.isConnected()) {
            client.connect(options);
        }
        client.publish("parkwatch/alerts/" + e.enterpriseId(), NotificationText.json(e), 1, false);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
