package io.parkwatch.job.influx;

import io.parkwatch.job.InfluxSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes records to InfluxDB through its v2 write API, in batches. Lines not yet accepted by the
 * server at a checkpoint are part of the checkpoint, so an InfluxDB outage neither stalls alerting
 * nor loses data; they are retried with backoff until the server takes them.
 */
public final class InfluxSink<T> implements Sink<T>, SupportsWriterState<T, List<String>> {

    private final InfluxSettings settings;
    private final LineProtocol.Mapper<T> mapper;
    private final String name;

    public InfluxSink(String name, InfluxSettings settings, LineProtocol.Mapper<T> mapper) {
        this.name = name;
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public StatefulSinkWriter<T, List<String>> createWriter(WriterInitContext context) {
        return new InfluxWriter<>(name, settings, mapper, List.of());
    }

    @Override
    public StatefulSinkWriter<T, List<String>> restoreWriter(WriterInitContext context,
            Collection<List<String>> recovered) {
        List<String> lines = new ArrayList<>();
        recovered.forEach(lines::addAll);
        return new InfluxWriter<>(name, settings, mapper, lines);
    }

    @Override
    public SimpleVersionedSerializer<List<String>> getWriterStateSerializer() {
        return new LinesSerializer();
    }

    /** Pending lines in a checkpoint: a count, then each line as UTF. */
    static final class LinesSerializer implements SimpleVersionedSerializer<List<String>> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<String> lines) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(lines.size());
                for (String l : lines) {
                    byte[] b = l.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<String> deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<String> lines = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    lines.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
                }
                return lines;
            }
        }
    }
}
