package io.parkwatch.console.feed;

import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * Publishes each message to {@code <topic>/<type>} on the platform's MQTT broker at QoS 1 (taken at the PUBACK), so
 * a platform subscribes to what it wants ({@code <topic>/#}, {@code <topic>/risk-warning}).
 */
public final class MqttFeedTarget implements FeedTarget {

    private final MqttClient client;
    private final MqttConnectionOptions options = new MqttConnectionOptions();
    private final String topic;

    public MqttFeedTarget(String brokerUrl, String topic, String username, String password) throws Exception {
        this.topic = topic.endsWith("/") ? topic.substring(0, topic.length() - 1) : topic;
        client = new MqttClient(brokerUrl, "parkwatch-feed-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        // a broker that takes the connection but never answers must not hold the feed for ever: the publish fails
        // after this and the pusher retries it, committing nothing meanwhile
        client.setTimeToWait(10_000);
        if (username != null && !username.isEmpty()) {
            options.setUserName(username);
            options.setPassword(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
    }

    @Override
    public String name() {
        return "mqtt " + topic;
    }

    @Override
    public void send(FeedMessage m) throws Exception {
        if (!client.isConnected()) {
            client.connect(options);
        }
        client.publish(topic + "/" + m.type(), WireJson.write(m), 1, false);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
