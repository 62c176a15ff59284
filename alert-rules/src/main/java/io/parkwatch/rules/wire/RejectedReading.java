package io.parkwatch.rules.wire;

import io.parkwatch.rules.model.RejectReason;

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
public record RejectedReading(RejectReason reason, String detail, String source, String clientId, String username,
        String remote, String topic, String pointId, long receivedAt, String raw, String rawEncoding, int rawSize) {
}
