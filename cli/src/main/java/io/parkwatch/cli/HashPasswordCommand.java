package io.parkwatch.cli;

import io.parkwatch.ingest.device.DeviceRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code parkwatch hash-password}: the bcrypt hash to put in devices.yaml or users.yaml. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print the bcrypt hash of a password, for config/devices.yaml (devices) or config/users.yaml (console users).")
public final class HashPasswordCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", description = "the password (asked for when omitted)")
    String password;

    @Override
    public Integer call() {
        String pw = password;
        if (pw == null) {
            char[] typed = System.console() != null ? System.console().readPassword("password: ") : null;
            if (typed == null) {
                System.err.println("give the password as an argument or run in a terminal");
                return 2;
            }
            pw = new String(typed);
        }
        System.out.println(DeviceRegistry.hash(pw));
        return 0;
    }
}
