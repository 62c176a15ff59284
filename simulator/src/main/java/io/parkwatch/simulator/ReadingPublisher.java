package io.parkwatch.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data loggers publishing batches of readings to the gateway: one Paho MQTT 5 client per enterprise,
 * QoS 1, a bounded number of batches in flight per client (a publisher faster than the gateway waits
 * for acknowledgements instead of failing). Counts readings sent, acknowledged, refused by the gateway
 * (a PUBACK reason code of 0x80 or above) and failed.
 */
public final class ReadingPublisher extends CountingUplink {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingPublisher.class);
    static final int IN_FLIGHT = 64;

    private final Map<String, MqttAsyncClient> clients = new LinkedHashMap<>();
    private final Map<String, Semaphore> windows = new LinkedHashMap<>();
    private volatile Consumer<List<Value>> onAcknowledged = batch -> { };

    /** Connects a client for each login whose enterprise is in {@code enterprises}. */
    public ReadingPublisher(String brokerUrl, List<DeviceLogin> logins, java.util.Collection<String> enterprises)
            throws MqttException {
        for (DeviceLogin login : logins) {
            if (!enterprises.contains(login.enterpriseId())) {
                continue;
            }
            MqttAsyncClient c = new MqttAsyncClient(brokerUrl, "sim-" + login.enterpriseId() + "-"
                    + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName(login.username());
            o.setPassword(login.password().getBytes(StandardCharsets.UTF_8));
            o.setAutomaticReconnect(true);
            o.setKeepAliveInterval(30);
            c.connect(o).waitForCompletion(15_000);
            clients.put(login.enterpriseId(), c);
            windows.put(login.enterpriseId(), new Semaphore(IN_FLIGHT));
        }
        LOG.info("{} data logger(s) connected to {}: {}", clients.size(), brokerUrl, clients.keySet());
    }

    /** Hands every batch the gateway acknowledged to {@code listener} (a test checking that none was lost). */
    public ReadingPublisher onAcknowledged(Consumer<List<Value>> listener) {
        this.onAcknowledged = listener;
        return this;
    }

    @Override
    public boolean has(String enterprise) {
        return clients.containsKey(enterprise);
    }

    /** Publishes the batch as a JSON array on parkwatch/{enterprise}/batch. */
    @Override
    public void publish(String enterprise, List<Value> values) throws InterruptedException {
        StringBuilder sb = new StringBuilder(values.size() * 64).append('[');
        for (Value v : values) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"point\":\"").append(v.pointId()).append("\",\"ts\":")
                    .append(v.ts()).append(",\"v\":").append(String.format(java.util.Locale.ROOT, "%.3f", v.v())).append('}');
        }
        publish(enterprise, sb.append(']').toString().getBytes(StandardCharsets.UTF_8), values);
    }

    /** Publishes one batch (a JSON array of readings) for the enterprise; waits while its window is full. */
    public void publish(String enterprise, byte[] batch, int readings) throws InterruptedException {
        publish(enterprise, batch, readings, null);
    }

    private void publish(String enterprise, byte[] batch, List<Value> values) throws InterruptedException {
        publish(enterprise, batch, values.size(), values);
    }

    private void publish(String enterprise, byte[] batch, int readings, List<Value> values) throws InterruptedException {
        MqttAsyncClient c = clients.get(enterprise);
        Semaphore window = windows.get(enterprise);
        if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
            failed.addAndGet(readings);
            return;
        }
        try {
            c.publish("parkwatch/" + enterprise + "/batch", batch, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    int[] codes = t.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        refused.addAndGet(readings);
                    } else {
                        acked.addAndGet(readings);
                        if (values != null) {
                            onAcknowledged.accept(values);
                        }
                    }
                    window.release(); // counted first: whoever waits for the window sees the count
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    failed.addAndGet(readings);
                    window.release();
                }
            });
            sent.addAndGet(readings);
        } catch (MqttException e) {
            window.release();
            failed.addAndGet(readings);
            LOG.debug("publish for {} failed: {}", enterprise, e.getMessage());
        }
    }

    @Override
    public boolean awaitAnswered(long timeoutMs) throws InterruptedException {
        return Uplink.awaitWindows(windows.values(), IN_FLIGHT, timeoutMs);
    }

    @Override
    public void close() {
        for (MqttAsyncClient c : clients.values()) {
            try {
                if (c.isConnected()) {
                    c.disconnect().waitForCompletion(5000);
                }
                c.close();
            } catch (MqttException e) {
                LOG.debug("close: {}", e.getMessage());
            }
        }
    }
}
