package io.parkwatch.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The configuration documents in force, in broadcast state: by kind, each document's text deflated.
 *
 * <p>Why not the text itself: Flink writes broadcast state whole at every checkpoint, one copy per operator, and
 * reads it back at a restore through an unbuffered file stream, where a string costs a system call per character.
 * A province's points registry (150,000 points, 15.8 MB of YAML) took 25 s to read per operator, 91-93 s for the
 * four operators together on two cores, and was 63 of a checkpoint's 70 MB. Deflated, a document is a byte array
 * read in one call, and a small part of the size.
 */
public final class ConfigState {

    /** The documents in force: kind to deflated UTF-8 text. */
    public static final MapStateDescriptor<String, byte[]> DOCUMENTS = new MapStateDescriptor<>("park-config-deflated",
            Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /** Where versions before this one kept the documents, as text; taken over at restore and left empty. */
    static final MapStateDescriptor<String, String> TEXTS = new MapStateDescriptor<>("park-config", Types.STRING,
            Types.STRING);

    private ConfigState() {
    }

    /**
     * Moves the documents an earlier version's checkpoint holds as text into {@link #DOCUMENTS}. Every instance of an
     * operator restores the same broadcast state and does the same, so they stay alike.
     */
    static void takeOverTexts(OperatorStateStore store) throws Exception {
        BroadcastState<String, String> texts = store.getBroadcastState(TEXTS);
        if (!texts.iterator().hasNext()) {
            return;
        }
        BroadcastState<String, byte[]> documents = store.getBroadcastState(DOCUMENTS);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        texts.entries().forEach(entries::add);
        for (Map.Entry<String, String> e : entries) {
            if (!documents.contains(e.getKey())) {
                documents.put(e.getKey(), deflate(e.getValue()));
            }
        }
        texts.clear();
    }

    /** The documents as text, inflated as they are read. */
    static Iterable<Map.Entry<String, String>> texts(Iterable<Map.Entry<String, byte[]>> documents) {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<String, byte[]>> deflated = documents.iterator();

            @Override
            public boolean hasNext() {
                return deflated.hasNext();
            }

            @Override
            public Map.Entry<String, String> next() {
                Map.Entry<String, byte[]> e = deflated.next();
                return Map.entry(e.getKey(), inflate(e.getValue()));
            }
        };
    }

    static byte[] deflate(String text) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] block = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(block, 0, deflater.deflate(block));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The text of deflated bytes, one string per process for a large document: after a restore each of the six rule
     * operators inflates the same registry from its broadcast state, and each reads the same one back from the job
     * graph ({@link ParkConfig}), which deflates alike; at 1,000,000 points that was twelve copies of 105 MB, each
     * hashed again where configurations are compared. Shared, it is inflated once, hashed once, and compared by
     * identity.
     */
    static String inflate(byte[] deflated) {
        if (deflated.length < SHARED_FROM_BYTES) {
            return inflateNow(deflated);
        }
        synchronized (INFLATED) { // who asks for a text being inflated waits for it rather than inflating it again
            return INFLATED.computeIfAbsent(new Deflated(deflated), d -> inflateNow(d.bytes()));
        }
    }

    /** Deflated documents from this size on are shared: a registry, not a rules or contacts file. */
    static final int SHARED_FROM_BYTES = 64 * 1024;
    /** A few: the registry in force, one being checked, and the other large documents of a park. */
    private static final Map<Deflated, String> INFLATED = new RecentlyUsed<>(4);

    /** Deflated bytes as a key: equal by content. */
    private record Deflated(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Deflated d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static String inflateNow(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 8);
            byte[] block = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(block);
                // an empty text ends with nothing inflated: finished, not cut short
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UncheckedIOException(new IOException("a deflated configuration document is cut short"));
                }
                out.write(block, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("a configuration document is not deflated text", e));
        } finally {
            inflater.end();
        }
    }
}
