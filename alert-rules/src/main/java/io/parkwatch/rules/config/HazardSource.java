package io.parkwatch.rules.config;

import java.util.List;

/**
 * A major hazard source (重大危险源) of an enterprise, as the park's registry describes it.
 *
 * @param id           how contacts, commitments and the risk model name it
 * @param name         how people call it
 * @param enterpriseId its enterprise
 * @param grade        1 to 4 (一级 to 四级; 一级 is the most hazardous), or 0 when not yet graded
 * @param tanks        the tanks or units it is made of (their operating modes are its state)
 */
public record HazardSource(String id, String name, String enterpriseId, int grade, List<String> tanks) {

    public HazardSource {
        tanks = tanks == null ? List.of() : List.copyOf(tanks);
    }

    /** Reads 1 to 4, or 一级 to 四级; returns 0 for anything else. */
    public static int grade(String text) {
        return switch (text == null ? "" : text.trim()) {
            case "1", "一级" -> 1;
            case "2", "二级" -> 2;
            case "3", "三级" -> 3;
            case "4", "四级" -> 4;
            default -> 0;
        };
    }
}
