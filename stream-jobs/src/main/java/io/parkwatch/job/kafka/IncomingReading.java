package io.parkwatch.job.kafka;

import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.RejectedReading;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A record of the readings topic as the job's source reads it: a reading, or, when the record cannot be
 * read, its refusal (with the raw bytes), so that nothing on the topic is skipped with only a log line.
 */
public record IncomingReading(Reading reading, RejectedReading refused) {

    /** Kept of an unreadable record's bytes (the topic keeps them all). */
    static final int MAX_RAW = 4096;

    public static IncomingReading of(Reading r) {
        return new IncomingReading(r, null);
    }

    public static IncomingReading unreadable(byte[] value, String why, String where, long receivedAt) {
        byte[] v = value == null ? new byte[0] : value;
        byte[] kept = v.length > MAX_RAW ? java.util.Arrays.copyOf(v, MAX_RAW) : v;
        String raw;
        String encoding;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(kept)).toString();
            encoding = "utf8";
        } catch (CharacterCodingException e) {
            raw = Base64.getEncoder().encodeToString(kept);
            encoding = "base64";
        }
        return new IncomingReading(null, RejectedReading.builder().reason(RejectReason.UNREADABLE)
                .detail("the rules job cannot read " + where + ": " + why).source("stream-job").receivedAt(receivedAt)
                .raw(raw).rawEncoding(encoding).rawSize(v.length).build());
    }

    /** Event time for watermarks: an unreadable record has none and moves nothing. */
    public long timestamp() {
        return reading != null ? reading.timestamp() : Long.MIN_VALUE;
    }
}
