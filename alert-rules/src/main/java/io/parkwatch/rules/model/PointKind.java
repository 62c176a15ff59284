package io.parkwatch.rules.model;

/** What a point measures. The names are the ones used in point registry files. */
public enum PointKind {
    GAS_LEL("%LEL"),
    GAS_TOXIC("ppm"),
    GAS_O2("%VOL"),
    TEMPERATURE("℃"),
    PRESSURE("MPa"),
    LEVEL("%"),
    FLOW("m³/h"),
    VALVE_POSITION("%"),
    WIND_SPEED("m/s"),
    OTHER("");

    private final String defaultUnit;

    PointKind(String defaultUnit) {
        this.defaultUnit = defaultUnit;
    }

    public String defaultUnit() {
        return defaultUnit;
    }

    public String fileName() {
        return name().toLowerCase();
    }

    public boolean isGas() {
        return this == GAS_LEL || this == GAS_TOXIC || this == GAS_O2;
    }

    public static PointKind parse(String text) {
        for (PointKind k : values()) {
            if (k.fileName().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown point kind '" + text + "'");
    }

    public static String allNames() {
        StringBuilder sb = new StringBuilder();
        for (PointKind k : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.fileName());
        }
        return sb.toString();
    }
}
