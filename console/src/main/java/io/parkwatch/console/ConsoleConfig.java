package io.parkwatch.console;

/**
 * Settings of the console (section {@code console} of parkwatch.yaml).
 *
 * @param bindHost address to listen on
 * @param httpPort HTTP port (8080 by default; 0 picks a free one)
 */
public record ConsoleConfig(String bindHost, int httpPort) {

    public static ConsoleConfig defaults() {
        return new ConsoleConfig("0.0.0.0", 8080);
    }
}
