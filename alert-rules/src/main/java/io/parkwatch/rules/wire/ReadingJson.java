package io.parkwatch.rules.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.parkwatch.rules.model.Quality;
import io.parkwatch.rules.model.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A validated reading on the readings topic:
 * {@code {"point":"HX-T101-GT1","ent":"ent-huaxin","ts":1700000000000,"v":27.5,"q":"N","recv":1700000000012,
 * "src":"mqtt:huaxin-dl01"}} ({@code src}, who sent it, when the gateway knows).
 * Written and read with Jackson's streaming API because every reading passes through here.
 */
public final class ReadingJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ReadingJson() {
    }

    public static byte[] write(Reading r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(112);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("point", r.pointId());
            g.writeStringField("ent", r.enterpriseId());
            g.writeNumberField("ts", r.timestamp());
            g.writeNumberField("v", r.value());
            g.writeStringField("q", r.quality().name());
            g.writeNumberField("recv", r.receivedAt());
            if (r.source() != null) {
                g.writeStringField("src", r.source());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Reading read(byte[] json) {
        String point = null;
        String ent = null;
        long ts = 0;
        double v = Double.NaN;
        Quality q = Quality.N;
        long recv = 0;
        String src = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a reading must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "point" -> point = p.getText();
                    case "ent" -> ent = p.getText();
                    case "ts" -> ts = p.getLongValue();
                    case "v" -> v = p.getDoubleValue();
                    case "q" -> q = Quality.parse(p.getText());
                    case "recv" -> recv = p.getLongValue();
                    case "src" -> src = p.getText();
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid reading: " + e.getMessage(), e);
        }
        if (point == null) {
            throw new IllegalArgumentException("a reading needs a point");
        }
        return new Reading(point, ent, ts, v, q, recv, src);
    }
}
