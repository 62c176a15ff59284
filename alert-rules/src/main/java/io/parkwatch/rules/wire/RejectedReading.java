package io.parkwatch.rules.wire;

import io.parkwatch.rules.model.RejectReason;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A refused reading, kept with everything needed to find out why and to replay it once fixed.
 *
 * @param reason     machine-readable reason
 * @param detail     a sentence for people
 * @param source     where it came in: mqtt, hj212, http, stream-job
 * @param clientId   MQTT client id or data logger id, if any
 * @param username   authenticated device, if any
 * @param remote     remote address, if any
 * @param topic      MQTT topic, if any
 * @param pointId    the point, when it could be read
 * @param receivedAt when it arrived, epoch ms
 * @param raw        the raw input (UTF-8 text, or base64 when {@code rawEncoding} says so), cut at the size limit
 * @param rawEncoding utf8 or base64
 * @param rawSize    size of the raw input in bytes before any cut
 */
@RecordBuilder
public record RejectedReading(RejectReason reason, String detail, String source, String clientId, String username,
        String remote, String topic, String pointId, long receivedAt, String raw, String rawEncoding, int rawSize) {

    /** A builder that names what it sets. */
    public static RejectedReadingBuilder builder() {
        return RejectedReadingBuilder.builder();
    }

    /** A reading the rules job refuses, kept as the job read it (its JSON on the readings topic). */
    public static RejectedReading byJob(RejectReason reason, String detail, String pointId, long receivedAt, String raw) {
        return builder().reason(reason).detail(detail).source("stream-job").pointId(pointId).receivedAt(receivedAt)
                .raw(raw).rawEncoding("utf8").rawSize(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .build();
    }
}
