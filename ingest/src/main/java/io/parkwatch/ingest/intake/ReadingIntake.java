package io.parkwatch.ingest.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.model.RejectReason;
import io.parkwatch.rules.wire.RejectedReading;
import io.parkwatch.rules.wire.RejectedReadingBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one published payload into validated readings. Protocol-independent: the MQTT endpoint and
 * the broker bridge hand it (topic, payload); the HJ 212 endpoint hands it decoded readings to check.
 *
 * <p>Topics: {@code parkwatch/{enterpriseId}/{pointId}} with {@code {"ts":..., "v":..., "q":"N"}}, or
 * {@code parkwatch/{enterpriseId}/batch} with a JSON array of {@code {"point":..., "ts":..., "v":..., "q":...}}.
 * Each reading is accepted or refused on its own; a refusal keeps the raw input and a reason.
 */
public final class ReadingIntake {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "parkwatch/";

    private final Supplier<PointRegistry> registry;
    private final Duration futureSkew;
    private final int maxPayloadBytes;

    public ReadingIntake(Supplier<PointRegistry> registry, Duration futureSkew, int maxPayloadBytes) {
        this.registry = registry;
        this.futureSkew = futureSkew;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public IntakeResult accept(Origin origin, String topic, byte[] payload, long receivedAt) {
        Batch b = new Batch(origin, topic, receivedAt);
        if (payload.length > maxPayloadBytes) {
            return b.rejectWhole(RejectReason.PAYLOAD_TOO_LARGE,
                    "payload of " + payload.length + " bytes is over the limit of " + maxPayloadBytes, null, payload);
        }
        String[] parts = topic == null ? new String[0] : topic.split("/", -1);
        if (!topic.startsWith(PREFIX) || parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return b.rejectWhole(RejectReason.BAD_TOPIC, "topic '" + topic
                    + "' is not parkwatch/{enterpriseId}/{pointId} or parkwatch/{enterpriseId}/batch", null, payload);
        }
        String enterprise = parts[1];
        if (origin.enterpriseId() != null && !origin.enterpriseId().equals(enterprise)) {
            return b.rejectWhole(RejectReason.FORBIDDEN_ENTERPRISE, "device '" + origin.username()
                    + "' may publish only for enterprise '" + origin.enterpriseId() + "', not '" + enterprise + "'",
                    null, payload);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return b.rejectWhole(RejectReason.MALFORMED_JSON, "not valid JSON: " + e.getOriginalMessage(),
                    "batch".equals(parts[2]) ? null : parts[2], payload);
        } catch (IOException e) {
            return b.rejectWhole(RejectReason.MALFORMED_JSON, "not valid JSON: " + e.getMessage(), null, payload);
        }
        if (root == null || root.isMissingNode()) {
            return b.rejectWhole(RejectReason.MALFORMED_JSON, "empty payload", null, payload);
        }
        if ("batch".equals(parts[2])) {
            if (!root.isArray()) {
                return b.rejectWhole(RejectReason.MALFORMED_JSON, "a batch must be a JSON array of readings", null,
                        payload);
            }
            if (root.isEmpty()) { // found by fuzzing: taken and acknowledged, yet nothing recorded
                return b.rejectWhole(RejectReason.MALFORMED_JSON, "an empty batch holds no reading", null, payload);
            }
            for (JsonNode element : root) {
                JsonNode point = element.get("point");
                if (!element.isObject() || point == null || !point.isTextual() || point.asText().isEmpty()) {
                    b.reject(RejectReason.MALFORMED_JSON, "each batch element must be an object with a \"point\" id",
                            null, element.toString());
                    continue;
                }
                one(b, enterprise, point.asText(), element, element::toString);
            }
        } else {
            if (!root.isObject()) {
                return b.rejectWhole(RejectReason.MALFORMED_JSON, "a reading must be a JSON object {\"ts\":..,\"v\":..}",
                        parts[2], payload);
            }
            one(b, enterprise, parts[2], root, () -> new String(payload, StandardCharsets.UTF_8)); // as sent
        }
        return new IntakeResult(b.accepted, b.rejected);
    }

    /**
     * @param raw the reading as it is kept if refused (the payload as sent, or a batch element): made only
     *            for a refusal, not for every reading taken
     */
    private void one(Batch b, String enterprise, String pointId, JsonNode n, Supplier<String> raw) {
        if (!pointAllowed(b, enterprise, pointId, raw)) {
            return;
        }
        JsonNode v = n.get("v");
        if (v == null || v.isNull()) {
            b.reject(RejectReason.MISSING_VALUE, "no value: \"v\" is missing", pointId, raw.get());
            return;
        }
        if (!v.isNumber()) {
            b.reject(RejectReason.NON_NUMERIC_VALUE, "value \"v\" must be a number, got " + v, pointId, raw.get());
            return;
        }
        JsonNode ts = n.get("ts");
        if (ts == null || ts.isNull()) {
            b.reject(RejectReason.MISSING_TIMESTAMP, "no timestamp: \"ts\" is missing", pointId, raw.get());
            return;
        }
        long timestamp;
        if (ts.isIntegralNumber() && ts.canConvertToLong()) {
            timestamp = ts.asLong();
        } else if (ts.isTextual()) {
            try {
                timestamp = parseTime(ts.asText());
            } catch (DateTimeParseException e) {
                b.reject(RejectReason.BAD_TIMESTAMP, "timestamp \"ts\" must be epoch milliseconds or ISO-8601, got "
                        + ts, pointId, raw.get());
                return;
            }
        } else {
            b.reject(RejectReason.BAD_TIMESTAMP, "timestamp \"ts\" must be epoch milliseconds or ISO-8601, got " + ts,
                    pointId, raw.get());
            return;
        }
        Quality q;
        try {
            JsonNode qn = n.get("q");
            q = Quality.parse(qn == null || qn.isNull() ? null : qn.asText());
        } catch (IllegalArgumentException e) {
            b.reject(RejectReason.BAD_QUALITY_FLAG, e.getMessage(), pointId, raw.get());
            return;
        }
        if (admissible(b, timestamp, v.asDouble(), pointId, raw)) {
            b.accepted.add(new Reading(pointId, enterprise, timestamp, v.asDouble(), q, b.receivedAt,
                    b.origin.readingSource()));
        }
    }

    /** A reading already decoded by a protocol endpoint (HJ 212), before the point and time checks. */
    public record Candidate(String pointId, long timestamp, double value, Quality quality, String raw) {
    }

    /**
     * Checks readings another protocol has decoded, exactly as MQTT's are checked (point known, of the
     * enterprise, allowed to the device, not ahead of the clock); refusals made while decoding come along.
     */
    public IntakeResult admit(Origin origin, String label, String enterprise, List<Candidate> candidates,
            List<RejectedReading> refusedWhileDecoding, long receivedAt) {
        Batch b = new Batch(origin, label, receivedAt);
        b.rejected.addAll(refusedWhileDecoding);
        for (Candidate c : candidates) {
            if (pointAllowed(b, enterprise, c.pointId(), c::raw)
                    && admissible(b, c.timestamp(), c.value(), c.pointId(), c::raw)) {
                b.accepted.add(new Reading(c.pointId(), enterprise, c.timestamp(), c.value(), c.quality(), receivedAt,
                        origin.readingSource()));
            }
        }
        return new IntakeResult(b.accepted, b.rejected);
    }

    /** The same payload with its readings refused as over the connection's rate (kept, as everything refused). */
    public IntakeResult overRate(Origin origin, String topic, IntakeResult r, int perSecond, long receivedAt) {
        Batch b = new Batch(origin, topic, receivedAt);
        b.rejected.addAll(r.rejected());
        for (Reading x : r.accepted()) {
            b.reject(RejectReason.RATE_LIMITED, "more than " + perSecond + " readings per second on this connection",
                    x.pointId(), new String(io.parkwatch.rules.wire.ReadingJson.write(x), StandardCharsets.UTF_8));
        }
        return new IntakeResult(List.of(), b.rejected, r.stats());
    }

    /** A refusal of input that never became a reading (a bad frame, an unknown logger), raw bytes kept. */
    public RejectedReading refusal(Origin origin, String label, RejectReason reason, String detail, String pointId,
            byte[] raw, long receivedAt) {
        return new Batch(origin, label, receivedAt).rejectWhole(reason, detail, pointId, raw).rejected().get(0);
    }

    private boolean pointAllowed(Batch b, String enterprise, String pointId, Supplier<String> raw) {
        Optional<Point> point = registry.get().point(pointId);
        if (point.isEmpty()) {
            b.reject(RejectReason.UNKNOWN_POINT, "point '" + pointId + "' is not in the point registry", pointId,
                    raw.get());
            return false;
        }
        if (!point.get().enterpriseId().equals(enterprise)) {
            b.reject(RejectReason.POINT_NOT_OF_ENTERPRISE, "point '" + pointId + "' belongs to enterprise '"
                    + point.get().enterpriseId() + "', not '" + enterprise + "'", pointId, raw.get());
            return false;
        }
        if (!b.origin.mayPublish(pointId)) {
            b.reject(RejectReason.FORBIDDEN_POINT, "device '" + b.origin.username() + "' may not publish point '"
                    + pointId + "' (see the points it may publish in devices.yaml)", pointId, raw.get());
            return false;
        }
        return true;
    }

    /** No sensor of a park measured before this; earlier stamps are a clock never set (1970) or garbage. */
    static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

    /**
     * What the job would trip over is refused here, at the door, with its reason: a value that is not a
     * finite number (1e400 parses as infinity), a time before 2000 or too far ahead of the gateway clock.
     * An acknowledged reading is then always one the job evaluates.
     */
    private boolean admissible(Batch b, long timestamp, double value, String pointId, Supplier<String> raw) {
        if (!Double.isFinite(value)) {
            b.reject(RejectReason.NON_NUMERIC_VALUE, "value \"v\" must be a finite number, got " + value, pointId,
                    raw.get());
            return false;
        }
        if (timestamp < EARLIEST) {
            b.reject(RejectReason.BAD_TIMESTAMP, "timestamp " + Instant.ofEpochMilli(timestamp)
                    + " is before 2000-01-01 (a sensor clock that was never set?)", pointId, raw.get());
            return false;
        }
        if (timestamp > b.receivedAt + futureSkew.toMillis()) {
            b.reject(RejectReason.FUTURE_TIMESTAMP, "timestamp " + Instant.ofEpochMilli(timestamp) + " is "
                    + (timestamp - b.receivedAt) + " ms ahead of the gateway clock (allowed: " + futureSkew.toMillis()
                    + " ms)", pointId, raw.get());
            return false;
        }
        return true;
    }

    static long parseTime(String s) {
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        }
    }

    /** Accumulates one payload's results. */
    private final class Batch {
        final Origin origin;
        final String topic;
        final long receivedAt;
        final List<Reading> accepted = new ArrayList<>(1);
        final List<RejectedReading> rejected = new ArrayList<>(0);

        Batch(Origin origin, String topic, long receivedAt) {
            this.origin = origin;
            this.topic = topic;
            this.receivedAt = receivedAt;
        }

        /** A refusal of this payload: where it came from, filled in. */
        private RejectedReadingBuilder refusal(RejectReason reason, String detail, String pointId) {
            return RejectedReading.builder().reason(reason).detail(detail).source(origin.source())
                    .clientId(origin.clientId()).username(origin.username()).remote(origin.remote()).topic(topic)
                    .pointId(pointId).receivedAt(receivedAt);
        }

        void reject(RejectReason reason, String detail, String pointId, String rawText) {
            rejected.add(refusal(reason, detail, pointId).raw(rawText).rawEncoding("utf8")
                    .rawSize(rawText.getBytes(StandardCharsets.UTF_8).length).build());
        }

        IntakeResult rejectWhole(RejectReason reason, String detail, String pointId, byte[] payload) {
            byte[] kept = payload.length > maxPayloadBytes ? Arrays.copyOf(payload, maxPayloadBytes) : payload;
            String text = utf8(kept);
            rejected.add(refusal(reason, detail, pointId)
                    .raw(text != null ? text : Base64.getEncoder().encodeToString(kept))
                    .rawEncoding(text != null ? "utf8" : "base64").rawSize(payload.length).build());
            return new IntakeResult(List.of(), rejected);
        }
    }

    /** The bytes as text if they are valid UTF-8, else null (then they travel as base64). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
