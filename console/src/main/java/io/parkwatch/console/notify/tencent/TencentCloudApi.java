package io.parkwatch.console.notify.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.rules.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One TencentCloud API 3.0 product (SMS, VMS) called as its documentation says: a signed JSON POST to the product's
 * endpoint with the action, version, region and time in {@code X-TC-*} headers; the answer's {@code Response}, or
 * an exception naming the {@code Response.Error} code when the call failed.
 *
 * @param endpoint e.g. https://sms.tencentcloudapi.com (a local server in tests)
 * @param service  the product as the signature's scope names it: sms, vms
 */
public record TencentCloudApi(URI endpoint, String service, String version, String region, String secretId,
        String secretKey, Clock clock) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A call the provider refused or could not carry out: its error code (e.g. AuthFailure.SignatureFailure). */
    public static final class Failed extends IOException {
        private final String code;

        Failed(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public JsonNode call(String action, Map<String, Object> request) throws IOException, InterruptedException {
        byte[] payload = WireJson.write(request);
        long timestamp = clock.instant().getEpochSecond();
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", Tc3Signature.CONTENT_TYPE)
                .header("X-TC-Action", action).header("X-TC-Version", version)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", Tc3Signature.authorization(secretId, secretKey, host, service, timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (region != null && !region.isBlank()) {
            b.header("X-TC-Region", region);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw new Failed("HTTP" + r.statusCode(), service + " " + action);
        }
        JsonNode response = WireJson.MAPPER.readTree(r.body()).path("Response");
        if (response.has("Error")) {
            throw new Failed(response.path("Error").path("Code").asText(), response.path("Error").path("Message").asText());
        }
        return response;
    }
}
