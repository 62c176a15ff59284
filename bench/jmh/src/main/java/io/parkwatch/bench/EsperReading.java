package io.parkwatch.bench;

/** A reading as Esper reads it: a bean, as Esper's Java event types want (the quality flag as HJ 212 writes it). */
public final class EsperReading {

    private final String pointId;
    private final long ts;
    private final double value;
    private final String quality;

    public EsperReading(String pointId, long ts, double value, String quality) {
        this.pointId = pointId;
        this.ts = ts;
        this.value = value;
        this.quality = quality;
    }

    public String getPointId() {
        return pointId;
    }

    public long getTs() {
        return ts;
    }

    public double getValue() {
        return value;
    }

    public String getQuality() {
        return quality;
    }
}
