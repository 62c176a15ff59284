package io.parkwatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parkwatch.ingest.intake.IntakeResult;
import io.parkwatch.rules.wire.RejectedReading;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The gateway's numbers in Prometheus form ({@code /metrics}): connections and bytes by protocol,
 * readings accepted, and rejected by reason, Kafka produce latency, and acknowledgement latency
 * (reading received to PUBACK or HJ 212 answer written).
 */
public final class GatewayMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final Timer kafkaProduce;

    public GatewayMetrics() {
        kafkaProduce = Timer.builder("parkwatch.gateway.kafka.produce")
                .description("from handing a payload's records to Kafka to all of them acknowledged (acks=all)")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void connected(String protocol) {
        connectionGauge(protocol).incrementAndGet();
    }

    public void disconnected(String protocol) {
        connectionGauge(protocol).decrementAndGet();
    }

    private AtomicInteger connectionGauge(String protocol) {
        return connections.computeIfAbsent(protocol, p -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("parkwatch.gateway.connections", n, AtomicInteger::get).tag("protocol", p)
                    .description("open device connections").register(registry);
            return n;
        });
    }

    public int connections(String protocol) {
        return connectionGauge(protocol).get();
    }

    public void bytesIn(String protocol, long n) {
        Counter.builder("parkwatch.gateway.bytes.received").tag("protocol", protocol).baseUnit("bytes")
                .register(registry).increment(n);
    }

    /** Counts what a payload became: readings accepted, refusals by reason. */
    public void recorded(String protocol, IntakeResult r) {
        if (!r.accepted().isEmpty()) {
            Counter.builder("parkwatch.gateway.readings.accepted").tag("protocol", protocol).register(registry)
                    .increment(r.accepted().size());
        }
        if (!r.stats().isEmpty()) {
            Counter.builder("parkwatch.gateway.stats.accepted").tag("protocol", protocol).register(registry)
                    .increment(r.stats().size());
        }
        for (RejectedReading x : r.rejected()) {
            rejectedCounter(protocol, x.reason().name()).increment();
        }
    }

    public Counter rejectedCounter(String protocol, String reason) {
        return Counter.builder("parkwatch.gateway.readings.rejected").tag("protocol", protocol).tag("reason", reason)
                .description("refused input, kept on parkwatch.readings.rejected").register(registry);
    }

    public double rejected(String protocol, String reason) {
        Counter c = registry.find("parkwatch.gateway.readings.rejected").tag("protocol", protocol).tag("reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    public double accepted(String protocol) {
        Counter c = registry.find("parkwatch.gateway.readings.accepted").tag("protocol", protocol).counter();
        return c == null ? 0 : c.count();
    }

    /** A connection the gateway closed, and why: auth, idle, protocol-error, over-limit. */
    public void closed(String protocol, String why) {
        Counter.builder("parkwatch.gateway.connections.closed").tag("protocol", protocol).tag("reason", why)
                .description("device connections the gateway closed").register(registry).increment();
    }

    public double closedCount(String protocol, String why) {
        Counter c = registry.find("parkwatch.gateway.connections.closed").tag("protocol", protocol).tag("reason", why)
                .counter();
        return c == null ? 0 : c.count();
    }

    public void kafkaProduced(long startNanos) {
        kafkaProduce.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    public void acknowledged(String protocol, long receivedNanos) {
        Timer.builder("parkwatch.gateway.ack").tag("protocol", protocol)
                .description("reading received to PUBACK / HJ 212 answer written")
                .publishPercentiles(0.5, 0.99).register(registry)
                .record(Duration.ofNanos(System.nanoTime() - receivedNanos));
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void count(String name, String description) {
        Counter.builder(name).description(description).register(registry).increment();
    }

    public String scrape() {
        return registry.scrape();
    }
}
