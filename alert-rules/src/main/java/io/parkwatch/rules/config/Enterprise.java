package io.parkwatch.rules.config;

/** An enterprise (plant) in the park. */
public record Enterprise(String id, String name) {
}
