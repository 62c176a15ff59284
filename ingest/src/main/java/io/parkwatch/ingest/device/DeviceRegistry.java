package io.parkwatch.ingest.device;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The devices allowed to connect, with bcrypt-checked passwords. */
public final class DeviceRegistry {

    /** Checked against when the user name is unknown, so both failures cost the same time. */
    private static final String DUMMY_HASH = hash("no such device");

    private final Map<String, Device> byUsername;

    public DeviceRegistry(Collection<Device> devices) {
        this.byUsername = devices.stream().collect(Collectors.toUnmodifiableMap(Device::username, Function.identity()));
    }

    /** The device if the user name is known and the password matches its hash. Takes ~tens of ms (bcrypt). */
    public Optional<Device> authenticate(String username, byte[] password) {
        Device d = username == null ? null : byUsername.get(username);
        byte[] pw = password == null ? new byte[0] : password;
        boolean ok = BCrypt.verifyer().verify(pw, (d != null ? d.passwordHash() : DUMMY_HASH)
                .getBytes(StandardCharsets.UTF_8)).verified;
        return ok && d != null ? Optional.of(d) : Optional.empty();
    }

    public int size() {
        return byUsername.size();
    }

    /** A bcrypt hash for a devices file, cost 10. */
    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(10, password.toCharArray());
    }
}
