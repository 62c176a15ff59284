package io.parkwatch.rules.risk;

/**
 * The four colours of risk the national and provincial monitoring systems grade enterprises in, lowest first: blue
 * (低风险), yellow (一般风险), orange (较大风险), red (重大风险). A colour, not an alarm level: WARN is an engineering
 * pre-alarm, a risk warning (风险预警) is a change of colour.
 */
public enum RiskColour {
    BLUE, YELLOW, ORANGE, RED;

    /** As the feed and the API write it: {@code blue}, {@code yellow}, {@code orange}, {@code red}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The catalogue term for people: 低风险, 一般风险, 较大风险, 重大风险. */
    public String term() {
        return io.parkwatch.rules.text.Message.term("risk.colour." + wire());
    }
}
