package io.parkwatch.console.links;

import io.parkwatch.rules.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the links sent to people: {@code base64url(link as JSON) "." base64url(HMAC-SHA256)} with a server
 * secret. A link is refused when it is not of that form, its signature does not match (forged or altered), or it has
 * expired; what it may be used for (the alert still open, the person one the alert reached) is the page's to check.
 */
public final class LinkSigner {

    /** Why a link is refused: the catalogue key of the reason people read. */
    public static final class Refused extends Exception {
        private final String reason;

        Refused(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /** Longest token accepted (a link is a few hundred characters). */
    static final int MAX_TOKEN = 1024;

    private final byte[] secret;
    private final Duration validFor;
    private final Clock clock;

    public LinkSigner(byte[] secret, Duration validFor, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a link secret needs at least 32 bytes, got " + secret.length);
        }
        this.secret = secret.clone();
        this.validFor = validFor;
        this.clock = clock;
    }

    /** The "person" of a link sent to a group chat: whoever opens it says who they are (no contacts id has a '*'). */
    public static final String GROUP = "*group";

    /** A link for this person to this alert, valid from now for the configured time. */
    public String sign(String alertId, String alertKey, String personId) {
        AlertLink link = new AlertLink(alertId, alertKey, personId, clock.instant().plus(validFor).getEpochSecond());
        String payload = B64.encodeToString(WireJson.write(link));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    public AlertLink verify(String token) throws Refused {
        if (token == null || token.length() > MAX_TOKEN) {
            throw new Refused("link.malformed");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new Refused("link.malformed");
        }
        String payload = token.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Refused("link.malformed");
        }
        if (!MessageDigest.isEqual(given, mac(payload))) { // constant time: no timing hint for a forger
            throw new Refused("link.forged");
        }
        AlertLink link;
        try {
            link = WireJson.read(B64D.decode(payload), AlertLink.class);
        } catch (RuntimeException e) {
            throw new Refused("link.malformed");
        }
        if (link.alertId() == null || link.personId() == null || link.alertKey() == null) {
            throw new Refused("link.malformed");
        }
        if (clock.instant().getEpochSecond() > link.expiresAt()) {
            throw new Refused("link.expired");
        }
        return link;
    }

    /**
     * The six digits that answer this alert by SMS reply: derived from the alert id with the server secret, so a
     * console finds the alert a reply names without keeping anything, and nobody guesses the code of an alert they
     * were not sent (a reply is taken only from a number the alert has called).
     */
    public String replyCode(String alertId) {
        byte[] m = mac("reply-code:" + alertId);
        int n = ((m[0] & 0x7f) << 24) | ((m[1] & 0xff) << 16) | ((m[2] & 0xff) << 8) | (m[3] & 0xff);
        return String.format("%06d", n % 1_000_000);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
