package io.parkwatch.job;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where alert events and readings are written (InfluxDB v2 write API), and how.
 *
 * @param url           e.g. http://localhost:8086
 * @param token         API token
 * @param org           organisation
 * @param bucket        bucket
 * @param batchSize     lines per write request
 * @param flushInterval longest a line waits before it is written
 * @param maxBuffered   lines held while the server is down; beyond this the sink back-pressures the job
 */
public record InfluxSettings(String url, String token, String org, String bucket, int batchSize,
        Duration flushInterval, int maxBuffered) implements Serializable {

    public static InfluxSettings of(String url, String token, String org, String bucket) {
        return new InfluxSettings(url, token, org, bucket, 5000, Duration.ofSeconds(1), 200_000);
    }
}
