package io.parkwatch.rules.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A {@link ConfigDocument} as the config topics hold it: its JSON, gzipped once it is larger than {@link #PLAIN_BYTES}.
 * <p>
 * Why not leave it to Kafka's compression: the producer refuses a record by its size before compression
 * ({@code max.request.size}), so a registry of a province (about 105 MB of YAML at 1,000,000 points) could not be sent
 * at all, while it gzips to a few megabytes. Gzip, not a format of our own: {@code kafka-console-consumer ... | gunzip}
 * still shows what is in force.
 * <p>
 * Reading tells the two apart by gzip's magic bytes (a JSON record starts with {@code '{'}), so records written before
 * this, and by tests and tools that write plain JSON, still read. What a record may inflate to is bounded
 * ({@link #MAX_JSON_CHARS}): the topic is written by our own tools, but a record that inflates without end must stop
 * with a reason, not take the heap of every process that follows the topic.
 */
public final class ConfigRecord {

    /** Records up to this size stay plain JSON (every park's rules, contacts, modes; a small park's registry). */
    public static final int PLAIN_BYTES = 256 * 1024;
    /** The most a document may inflate to: the same bound as a YAML file's length ({@code YamlSource}). */
    public static final int MAX_JSON_CHARS = 512 * 1024 * 1024;

    private static final ObjectReader READER = reader(MAX_JSON_CHARS);

    private ConfigRecord() {
    }

    public static byte[] write(ConfigDocument doc) {
        byte[] json = WireJson.write(doc);
        if (json.length <= PLAIN_BYTES) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    /** Reads either form; throws {@link UncheckedIOException} saying why a record is not a readable document. */
    public static ConfigDocument read(byte[] value) {
        return read(value, READER);
    }

    static ConfigDocument read(byte[] value, ObjectReader reader) {
        try (InputStream in = isGzip(value) ? new GZIPInputStream(new ByteArrayInputStream(value), 64 * 1024)
                : new ByteArrayInputStream(value)) {
            return reader.readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid configuration document (" + value.length + " bytes"
                    + (isGzip(value) ? ", gzipped" : "") + "): " + e.getMessage(), e);
        }
    }

    /** A reader that stops at {@code maxChars} of JSON, whatever the record's compressed size. */
    static ObjectReader reader(int maxChars) {
        JsonFactory bounded = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(maxChars).maxDocumentLength(maxChars).build()).build();
        return JsonMapper.builder(bounded).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .readerFor(ConfigDocument.class); // as WireJson reads: a newer producer's fields are skipped
    }

    static boolean isGzip(byte[] value) {
        return value.length >= 2 && (value[0] & 0xff) == 0x1f && (value[1] & 0xff) == 0x8b;
    }
}
