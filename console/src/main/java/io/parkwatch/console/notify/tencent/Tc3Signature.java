package io.parkwatch.console.notify.tencent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TencentCloud API 3.0 request signing (TC3-HMAC-SHA256), as its documentation specifies for a JSON POST to "/":
 * the canonical request (method, path, empty query, the content-type and host headers, the payload's SHA-256), the
 * string to sign with the request's UTC date and service scope, and a key derived from the secret key by HMAC over
 * the date, the service and "tc3_request". Written here rather than taken from Tencent's SDK because the SDK brings
 * OkHttp 3 (which conflicts with the OkHttp 4 the InfluxDB client needs) for what is one HTTP POST;
 * {@code Tc3SignatureTest} checks this against the SDK's own signature of the same request.
 */
public final class Tc3Signature {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {
    }

    /**
     * The {@code Authorization} header of a request.
     *
     * @param host      the {@code Host} header sent (e.g. sms.tencentcloudapi.com)
     * @param service   the product, e.g. sms, vms
     * @param timestamp the {@code X-TC-Timestamp} sent, epoch seconds
     */
    public static String authorization(String secretId, String secretKey, String host, String service,
            long timestamp, byte[] payload) {
        String date = DATE.format(Instant.ofEpochSecond(timestamp));
        String signedHeaders = "content-type;host";
        String canonicalRequest = "POST\n/\n\n" + "content-type:" + CONTENT_TYPE + "\nhost:" + host + "\n\n"
                + signedHeaders + "\n" + sha256Hex(payload);
        String scope = date + "/" + service + "/tc3_request";
        String toSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        return ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
