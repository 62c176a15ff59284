package io.parkwatch.ingest.device;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The devices allowed to connect, with bcrypt-checked passwords. */
public final class DeviceRegistry {

    private final Map<String, Device> byUsername;

    public DeviceRegistry(Collection<Device> devices) {
        this.byUsername = devices.stream().collect(Collectors.toUnmodifiableMap(Device::username, Function.identity()));
    }

    /** The device with this user name, if any (its password is checked by the gateway's password gate). */
    public Optional<Device> device(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public int size() {
        return byUsername.size();
    }

    /** A bcrypt hash for a devices file, cost 10. */
    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(10, password.toCharArray());
    }
}
