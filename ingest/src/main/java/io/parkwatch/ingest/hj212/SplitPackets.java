package io.parkwatch.ingest.hj212;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts split packets back together (Flag bit 2, PNUM parts, PNO 1..PNUM): the parts of one message
 * share MN and QN; their CP contents are joined in PNO order. Parts that never all arrive are given
 * up after {@code maxAgeMs} and reported, not silently forgotten.
 */
public final class SplitPackets {

    /** Parts received so far of one message. */
    public record Pending(String mn, String qn, int pnum, long firstAt, TreeMap<Integer, Hj212Packet> parts,
            List<byte[]> raw) {
    }

    private final long maxAgeMs;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** Parts one message may have, and messages one connection may leave unfinished: memory stays bounded. */
    static final int MAX_PARTS = 64;
    static final int MAX_PENDING = 16;

    public SplitPackets(long maxAgeMs) {
        this.maxAgeMs = maxAgeMs;
    }

    /** Adds a part; the whole message once every part is there. */
    public Optional<Hj212Packet> add(Hj212Packet part, byte[] raw, long now) {
        int pnum = part.pnum();
        int pno = part.pno();
        if (pnum < 1 || pno < 1 || pno > pnum) {
            throw new Hj212Exception("PNO " + pno + " of PNUM " + pnum + " is out of range");
        }
        if (pnum > MAX_PARTS) {
            throw new Hj212Exception("PNUM " + pnum + " is over the limit of " + MAX_PARTS + " parts");
        }
        if (pending.size() >= MAX_PENDING && !pending.containsKey(part.mn() + "|" + part.qn())) {
            throw new Hj212Exception("more than " + MAX_PENDING + " split messages unfinished on this connection");
        }
        Pending p = pending.computeIfAbsent(part.mn() + "|" + part.qn(),
                k -> new Pending(part.mn(), part.qn(), pnum, now, new TreeMap<>(), new ArrayList<>()));
        p.parts().put(pno, part);
        p.raw().add(raw);
        if (p.parts().size() < p.pnum()) {
            return Optional.empty();
        }
        pending.remove(part.mn() + "|" + part.qn());
        StringBuilder cp = new StringBuilder();
        for (Hj212Packet piece : p.parts().values()) {
            if (!piece.cp().isEmpty()) {
                cp.append(cp.length() == 0 ? "" : ";").append(piece.cp());
            }
        }
        Map<String, String> fields = new LinkedHashMap<>(part.fields());
        fields.remove("PNUM");
        fields.remove("PNO");
        fields.put("Flag", String.valueOf(part.flag() & ~Hj212Packet.FLAG_SPLIT));
        return Optional.of(new Hj212Packet(fields, cp.toString()));
    }

    /** Messages waiting longer than the limit (or all, when {@code now} is Long.MAX_VALUE), removed. */
    public List<Pending> expired(long now) {
        List<Pending> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (now == Long.MAX_VALUE || now - p.firstAt() > maxAgeMs) {
                out.add(p);
                it.remove();
            }
        }
        return out;
    }
}
