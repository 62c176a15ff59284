package io.parkwatch.simulator;

/** The MQTT login a simulated data logger uses for one enterprise. */
public record DeviceLogin(String enterpriseId, String username, String password) {
}
