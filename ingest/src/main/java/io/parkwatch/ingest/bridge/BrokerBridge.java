package io.parkwatch.ingest.bridge;

import io.parkwatch.ingest.intake.IntakeResult;
import io.parkwatch.ingest.intake.Origin;
import io.parkwatch.ingest.intake.ReadingIntake;
import io.parkwatch.ingest.intake.ReadingSink;
import io.parkwatch.ingest.metrics.GatewayMetrics;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes readings from a broker the park already runs (Mosquitto, EMQX): subscribes there with a
 * persistent session, optionally as a member of an MQTT 5 shared subscription so several gateways
 * share the load, and hands each message to the same validation and Kafka path as the gateway's own
 * MQTT port. A message is acknowledged to the broker only once Kafka has stored it (manual acks, in
 * arrival order); if Kafka fails the bridge reconnects without acknowledging, and the broker delivers
 * the message again. Reconnects with backoff (1 s doubling to 30 s).
 */
public final class BrokerBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerBridge.class);
    static final String PROTOCOL = "bridge";

    /**
     * Settings (section {@code gateway.bridge}).
     *
     * @param url      the broker, e.g. tcp://broker.park.local:1883
     * @param clientId this bridge's client id there (stable: the session is kept under it)
     * @param group    shared-subscription group, or null to subscribe alone
     * @param topic    topic filter, {@code parkwatch/+/+} by default
     */
    public record Settings(String url, String clientId, String username, String password, String group, String topic) {

        String filter() {
            return group == null || group.isBlank() ? topic : "$share/" + group + "/" + topic;
        }
    }

    private final Settings settings;
    private final ReadingIntake intake;
    private final ReadingSink sink;
    private final GatewayMetrics metrics;
    private final MqttAsyncClient client;
    private final Origin origin;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    private volatile boolean closing;

    public BrokerBridge(Settings s, ReadingIntake intake, ReadingSink sink, GatewayMetrics metrics) throws MqttException {
        this.settings = s;
        this.intake = intake;
        this.sink = sink;
        this.metrics = metrics;
        this.client = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence());
        // the upstream broker authenticated the publisher; which enterprise it may write is the broker's ACL
        this.origin = new Origin(PROTOCOL, s.clientId(), s.username(), null, s.url());
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    public BrokerBridge start() throws MqttException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(24L * 3600); // messages wait at the broker for a day while the bridge is away
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setReceiveMaximum(1000);
        o.setKeepAliveInterval(30);
        if (settings.username() != null && !settings.username().isBlank()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password() == null ? new byte[0] : settings.password().getBytes());
        }
        client.connect(o).waitForCompletion(30_000);
        metrics.connected(PROTOCOL);
        subscribe();
        LOG.info("bridge: subscribed to {} on {} as {}", settings.filter(), settings.url(), settings.clientId());
        return this;
    }

    private void subscribe() throws MqttException {
        client.subscribe(settings.filter(), 1).waitForCompletion(30_000);
    }

    private void take(String topic, MqttMessage m) {
        long receivedNanos = System.nanoTime();
        IntakeResult r = intake.accept(origin, topic, m.getPayload(), System.currentTimeMillis());
        metrics.recorded(PROTOCOL, r);
        metrics.bytesIn(PROTOCOL, m.getPayload().length);
        CompletableFuture<Void> stored = sink.write(r);
        synchronized (this) {
            previous = previous.thenCombine(stored, (a, b) -> (Void) null).whenComplete((v, e) -> {
                if (e != null || closing) {
                    return; // not acknowledged: the broker delivers it again
                }
                try {
                    client.messageArrivedComplete(m.getId(), m.getQos());
                    metrics.acknowledged(PROTOCOL, receivedNanos);
                } catch (MqttException ex) {
                    LOG.warn("bridge: acknowledging message {} failed: {}", m.getId(), ex.toString());
                }
            });
            previous.exceptionally(e -> {
                reconnectUnacknowledged(e);
                return null;
            });
            // a failure above must not keep blocking the messages after it once reconnected
            previous = previous.exceptionally(e -> null);
        }
    }

    private void reconnectUnacknowledged(Throwable e) {
        if (closing) {
            return;
        }
        LOG.warn("bridge: could not store a message ({}); reconnecting without acknowledging so the broker resends",
                e.toString());
        try {
            client.disconnectForcibly(0, 1000, false);
            client.reconnect();
        } catch (MqttException ex) {
            LOG.warn("bridge: reconnect failed: {}", ex.toString());
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closing = true;
        try {
            if (client.isConnected()) {
                client.disconnect(5000).waitForCompletion(6000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("bridge: closing: {}", e.toString());
        }
        metrics.disconnected(PROTOCOL);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            take(topic, message);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect && !closing) {
                LOG.info("bridge: reconnected to {}", serverUri);
                try {
                    subscribe(); // the broker may have lost the session (restarted without persistence)
                } catch (MqttException e) {
                    LOG.warn("bridge: subscribing again failed: {}", e.toString());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            if (!closing) {
                LOG.warn("bridge: disconnected from {} ({}); reconnecting with backoff", settings.url(), r);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("bridge: {}", e.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
