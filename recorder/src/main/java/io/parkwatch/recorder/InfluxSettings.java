package io.parkwatch.recorder;

import java.time.Duration;

/**
 * Where the recorder writes (InfluxDB v2 write API), and how.
 *
 * @param url           e.g. http://localhost:8086
 * @param token         API token
 * @param org           organisation
 * @param bucket        bucket
 * @param batchSize     lines per write request; also the most the recorder holds while the server is down
 * @param flushInterval longest a line waits before it is written
 * @param readings      whether raw readings are recorded too (alert events, commands and risk always are)
 */
public record InfluxSettings(String url, String token, String org, String bucket, int batchSize,
        Duration flushInterval, boolean readings) {

    public static InfluxSettings of(String url, String token, String org, String bucket) {
        return new InfluxSettings(url, token, org, bucket, 5000, Duration.ofSeconds(1), true);
    }

    public InfluxSettings withReadings(boolean on) {
        return new InfluxSettings(url, token, org, bucket, batchSize, flushInterval, on);
    }

    public InfluxSettings withBatch(int size, Duration every) {
        return new InfluxSettings(url, token, org, bucket, size, every, readings);
    }
}
