package io.parkwatch.ingest.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.parkwatch.ingest.GatewayConfig;
import java.nio.file.Files;
import javax.net.ssl.SSLException;

/** The TLS server context of a port, from a PEM certificate chain and a PKCS#8 PEM key. */
public final class Tls {

    private Tls() {
    }

    public static SslContext serverContext(GatewayConfig.Tls t) {
        for (var f : new java.nio.file.Path[] {t.certificate(), t.privateKey()}) {
            if (f == null || !Files.isReadable(f)) {
                throw new IllegalArgumentException("gateway.tls: cannot read " + f
                        + " (certificate: PEM chain; private-key: PKCS#8 PEM)");
            }
        }
        try {
            return SslContextBuilder.forServer(t.certificate().toFile(), t.privateKey().toFile(), t.keyPassword())
                    .protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.tls: certificate or key not usable: " + e.getMessage(), e);
        }
    }
}
