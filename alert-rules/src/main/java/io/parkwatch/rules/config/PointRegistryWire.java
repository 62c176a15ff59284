package io.parkwatch.rules.config;

import io.parkwatch.rules.model.Point;
import io.parkwatch.rules.model.PointKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A parsed point registry as compact bytes, for one process to hand what it parsed to another of the same build (the
 * JobManager to the TaskManagers, in the job graph): reading the YAML of a province's registry takes a restarted
 * TaskManager some 25 s at 1,000,000 points, these bytes about a second.
 * <p>
 * Not a file format: no promise across versions (the bytes start with {@link #VERSION}, and another version is refused),
 * and only what {@link PointRegistryFile#parse} made from a file that passed its checks is written. Every string goes
 * through a table, so an enterprise, unit or tank named by a million points is written once.
 */
public final class PointRegistryWire {

    /** Changes whenever what is written changes. */
    static final int VERSION = 0x50570001;
    private static final PointKind[] KINDS = PointKind.values();
    /** Bounds on what damaged bytes could ask to be made (a province is a few million points). */
    private static final int MAX_COUNT = 50_000_000;
    private static final int MAX_STRING_BYTES = 16 * 1024 * 1024;

    private PointRegistryWire() {
    }

    public static byte[] write(PointRegistry registry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // buffered in front of the deflater: a DataOutputStream writes a number a byte at a time
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(bytes,
                new Deflater(Deflater.BEST_SPEED), 64 * 1024), 64 * 1024))) {
            Writer w = new Writer(out);
            out.writeInt(VERSION);
            w.string(registry.park().name());
            w.string(registry.park().timeZone().getId());
            out.writeInt(registry.enterprises().size());
            for (Enterprise e : registry.enterprises()) {
                w.string(e.id());
                w.string(e.name());
                out.writeBoolean(e.shutDown());
                w.strings(List.copyOf(e.shutDownUnits()));
            }
            out.writeInt(registry.hazardSources().size());
            for (HazardSource h : registry.hazardSources()) {
                w.string(h.id());
                w.string(h.name());
                w.string(h.enterpriseId());
                out.writeInt(h.grade());
                w.strings(h.tanks());
            }
            out.writeInt(registry.points().size());
            for (Point p : registry.points()) {
                w.string(p.id());
                w.string(p.enterpriseId());
                out.writeByte(p.kind().ordinal());
                w.string(p.unit());
                out.writeDouble(p.rangeLow());
                out.writeDouble(p.rangeHigh());
                out.writeLong(p.expectedInterval().getSeconds());
                out.writeInt(p.expectedInterval().getNano());
                w.string(p.tank());
                w.string(p.zone());
                w.string(p.name());
                out.writeInt(p.tags().size());
                for (Map.Entry<String, String> t : p.tags().entrySet()) {
                    w.string(t.getKey());
                    w.string(t.getValue());
                }
                w.string(p.logger());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return bytes.toByteArray();
    }

    /** The registry as written; throws {@link UncheckedIOException} if the bytes are not what {@link #write} wrote. */
    public static PointRegistry read(byte[] written) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(
                new ByteArrayInputStream(written), new java.util.zip.Inflater(), 64 * 1024), 64 * 1024))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("written by another version (" + Integer.toHexString(version) + ")");
            }
            Reader r = new Reader(in);
            Park park = new Park(r.string(), ZoneId.of(r.string()));
            int n = r.count();
            List<Enterprise> enterprises = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                enterprises.add(new Enterprise(r.string(), r.string(), in.readBoolean(), new java.util.HashSet<>(r.strings())));
            }
            n = r.count();
            List<HazardSource> sources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sources.add(new HazardSource(r.string(), r.string(), r.string(), in.readInt(), r.strings()));
            }
            n = r.count();
            List<Point> points = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = r.string();
                String enterprise = r.string();
                PointKind kind = KINDS[in.readUnsignedByte()];
                String unit = r.string();
                double low = in.readDouble();
                double high = in.readDouble();
                Duration interval = Duration.ofSeconds(in.readLong(), in.readInt());
                String tank = r.string();
                String zone = r.string();
                String name = r.string();
                int tagCount = r.count();
                Map<String, String> tags = tagCount == 0 ? Map.of() : new LinkedHashMap<>();
                for (int t = 0; t < tagCount; t++) {
                    tags.put(r.string(), r.string());
                }
                points.add(new Point(id, enterprise, kind, unit, low, high, interval, tank, zone, name, tags, r.string()));
            }
            if (in.read() != -1) {
                throw new IOException("bytes left after the last point");
            }
            return new PointRegistry(park, enterprises, points).withHazardSources(sources);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("not a point registry as written by this version: "
                    + e.getMessage(), e));
        }
    }

    /** Strings by table: 0 is null, a negative number a new string (its UTF-8 length follows), else its number. */
    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> seen = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(0);
                return;
            }
            Integer known = seen.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            seen.put(s, seen.size() + 1);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(-1 - utf8.length);
            out.write(utf8);
        }

        void strings(List<String> list) throws IOException {
            out.writeInt(list.size());
            for (String s : list) {
                string(s);
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<String> table = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        String string() throws IOException {
            int code = in.readInt();
            if (code == 0) {
                return null;
            }
            if (code > 0) {
                return table.get(code - 1);
            }
            int length = -1 - code;
            if (length > MAX_STRING_BYTES) {
                throw new IOException("a string of " + length + " bytes");
            }
            byte[] utf8 = new byte[length];
            in.readFully(utf8);
            String s = new String(utf8, StandardCharsets.UTF_8);
            table.add(s);
            return s;
        }

        /** A number of things to read, refused before anything is made for it if it cannot be one. */
        int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("a count of " + n);
            }
            return n;
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }
    }
}
