package io.parkwatch.cli;

import io.parkwatch.console.links.LinkSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The key that signs the links in people's messages: {@code console.link-secret} (an environment variable, for a
 * deployment of several consoles), else a file made on first start with 32 random bytes, readable by its owner only.
 */
final class LinkSecret {

    private LinkSecret() {
    }

    static LinkSigner signer(Settings s, Path base) {
        String given = s.text("console.link-secret", "");
        byte[] secret = given.isBlank() ? fromFile(base.resolve(s.text("console.link-secret-file",
                "data/console-link.key"))) : given.getBytes(StandardCharsets.UTF_8);
        return new LinkSigner(secret, s.duration("console.link-valid-for"), Clock.systemUTC());
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's protection has to do
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the link key " + file, e);
        }
    }
}
