package io.parkwatch.ingest.hj212;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data segment of an HJ 212 packet: {@code QN=..;ST=..;CN=..;PW=..;MN=..;Flag=..;[PNUM=..;PNO=..;]CP=&&..&&}.
 *
 * @param fields header fields by name (QN, ST, CN, PW, MN, Flag, PNUM, PNO)
 * @param cp     the command parameters between {@code CP=&&} and the closing {@code &&}
 */
public record Hj212Packet(Map<String, String> fields, String cp) {

    /** Flag bit: the sender wants an answer. */
    public static final int FLAG_ANSWER = 1;
    /** Flag bit: one part of a split packet (PNUM, PNO follow). */
    public static final int FLAG_SPLIT = 2;

    public static Hj212Packet parse(String segment) {
        int cpAt = segment.indexOf("CP=&&");
        if (cpAt < 0) {
            throw new Hj212Exception("no CP=&&...&& in the data segment");
        }
        int cpEnd = segment.lastIndexOf("&&");
        if (cpEnd < cpAt + 5) {
            throw new Hj212Exception("CP=&& is not closed by &&");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : segment.substring(0, cpAt).split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new Hj212Exception("header field '" + part + "' is not NAME=value");
            }
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        for (String required : List.of("CN", "MN")) {
            if (!fields.containsKey(required) || fields.get(required).isEmpty()) {
                throw new Hj212Exception("header field " + required + " is missing");
            }
        }
        return new Hj212Packet(fields, segment.substring(cpAt + 5, cpEnd));
    }

    public String qn() {
        return fields.getOrDefault("QN", "");
    }

    public String cn() {
        return fields.get("CN");
    }

    public String mn() {
        return fields.get("MN");
    }

    public String pw() {
        return fields.getOrDefault("PW", "");
    }

    public int flag() {
        try {
            return Integer.parseInt(fields.getOrDefault("Flag", "0"));
        } catch (NumberFormatException e) {
            throw new Hj212Exception("Flag '" + fields.get("Flag") + "' is not a number");
        }
    }

    public boolean wantsAnswer() {
        return (flag() & FLAG_ANSWER) != 0;
    }

    public boolean isSplit() {
        return (flag() & FLAG_SPLIT) != 0 && fields.containsKey("PNUM") && fields.containsKey("PNO");
    }

    public int pnum() {
        return intField("PNUM");
    }

    public int pno() {
        return intField("PNO");
    }

    private int intField(String name) {
        try {
            return Integer.parseInt(fields.get(name));
        } catch (NumberFormatException | NullPointerException e) {
            throw new Hj212Exception(name + " '" + fields.get(name) + "' is not a number");
        }
    }

    /**
     * The CP groups ({@code ;}-separated), each a map of {@code key=value} pairs ({@code ,}-separated):
     * {@code DataTime=...;a21028-Rtd=1.2,a21028-Flag=N} gives [{DataTime}, {a21028-Rtd, a21028-Flag}].
     */
    public List<Map<String, String>> cpGroups() {
        List<Map<String, String>> groups = new ArrayList<>();
        for (String group : cp.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            Map<String, String> g = new LinkedHashMap<>();
            for (String pair : group.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new Hj212Exception("CP item '" + pair + "' is not name=value");
                }
                g.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            groups.add(g);
        }
        return groups;
    }
}
