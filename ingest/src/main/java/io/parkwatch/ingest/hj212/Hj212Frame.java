package io.parkwatch.ingest.hj212;

import java.nio.charset.StandardCharsets;

/**
 * What the frame decoder found on the wire: a complete frame (its data segment and whether its CRC
 * matched), or bytes that are not a frame ({@code segment} null, {@code problem} says why).
 *
 * @param raw the bytes as received (cut at the size limit), for the rejected topic
 */
public record Hj212Frame(byte[] segment, boolean crcOk, String problem, byte[] raw) {

    static Hj212Frame of(byte[] segment, boolean crcOk, byte[] raw) {
        return new Hj212Frame(segment, crcOk, crcOk ? null : "CRC does not match the data segment", raw);
    }

    static Hj212Frame garbage(String problem, byte[] raw) {
        return new Hj212Frame(null, false, problem, raw);
    }

    public boolean isFrame() {
        return segment != null;
    }

    public String segmentText() {
        return new String(segment, StandardCharsets.US_ASCII);
    }
}
