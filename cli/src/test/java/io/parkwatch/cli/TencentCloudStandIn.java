package io.parkwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parkwatch.console.notify.tencent.Tc3Signature;
import io.parkwatch.rules.wire.WireJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tencent Cloud SMS and voice as their API 3.0 documentation describes them, on a local port: SendSms and
 * SendTtsVoice checked as Tencent checks them (the TC3-HMAC-SHA256 signature with the account's key, the signed
 * time within five minutes, the action's service in the credential's scope, the account's app ids) and answered in
 * its JSON; and the other way, the SMS reply and key-press callbacks a phone's answer makes Tencent send.
 */
final class TencentCloudStandIn implements AutoCloseable {

    static final String SECRET_ID = "AKIDparkwatchStandIn";
    static final String SECRET_KEY = "standInSecretKeyNotForProduction";
    static final String SMS_APP = "1400123456";
    static final String VOICE_APP = "1400654321";

    /** One message or call the park asked for (the event it was about travels as the session context). */
    record Sent(String action, String phone, String template, List<String> params, String callId, String eventId,
            long at) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    TencentCloudStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::api);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The notifier's settings for this account. */
    Settings configure(Settings s) {
        return s.with("notifier.tencent.secret-id", SECRET_ID).with("notifier.tencent.secret-key", SECRET_KEY)
                .with("notifier.tencent.sms-endpoint", endpoint()).with("notifier.tencent.vms-endpoint", endpoint())
                .with("notifier.tencent.sms-app-id", SMS_APP).with("notifier.tencent.sms-sign", "化工园区")
                .with("notifier.tencent.sms-template", "2001001").with("notifier.tencent.sms-code-template", "2001002")
                .with("notifier.tencent.voice-app-id", VOICE_APP)
                .with("notifier.tencent.voice-template", "3001001");
    }

    private void api(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String action = x.getRequestHeaders().getFirst("X-TC-Action");
        String service = "SendSms".equals(action) ? "sms" : "SendTtsVoice".equals(action) ? "vms" : null;
        String error = check(x, body, service);
        if (error != null) {
            refused.incrementAndGet();
            answer(x, Map.of("Response", Map.of("Error", Map.of("Code", error, "Message", error),
                    "RequestId", UUID.randomUUID().toString())));
            return;
        }
        JsonNode req = WireJson.MAPPER.readTree(body);
        List<String> params = new ArrayList<>();
        req.path("TemplateParamSet").forEach(p -> params.add(p.asText()));
        if (action.equals("SendSms")) {
            String phone = req.path("PhoneNumberSet").get(0).asText();
            sent.add(new Sent(action, phone, req.path("TemplateId").asText(), params, null, req.path("SessionContext").asText(), System.currentTimeMillis()));
            answer(x, Map.of("Response", Map.of("SendStatusSet", List.of(Map.of("SerialNo", UUID.randomUUID().toString(),
                    "PhoneNumber", phone, "Fee", 1, "SessionContext", req.path("SessionContext").asText(),
                    "Code", "Ok", "Message", "send success", "IsoCode", "CN")), "RequestId", UUID.randomUUID().toString())));
        } else {
            String callId = UUID.randomUUID().toString().replace("-", "");
            sent.add(new Sent(action, req.path("CalledNumber").asText(), req.path("TemplateId").asText(), params, callId, req.path("SessionContext").asText(),
                    System.currentTimeMillis()));
            answer(x, Map.of("Response", Map.of("SendStatus", Map.of("CallId", callId, "SessionContext",
                    req.path("SessionContext").asText()), "RequestId", UUID.randomUUID().toString())));
        }
    }

    /** What Tencent would refuse the request for, or null. */
    private static String check(HttpExchange x, byte[] body, String service) throws IOException {
        if (service == null) {
            return "InvalidAction";
        }
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String ts = x.getRequestHeaders().getFirst("X-TC-Timestamp");
        if (auth == null || ts == null || !auth.contains("Credential=" + SECRET_ID + "/")) {
            return "AuthFailure.SecretIdNotFound";
        }
        long timestamp = Long.parseLong(ts);
        if (Math.abs(System.currentTimeMillis() / 1000 - timestamp) > 300) {
            return "AuthFailure.SignatureExpire";
        }
        String expected = Tc3Signature.authorization(SECRET_ID, SECRET_KEY, x.getRequestHeaders().getFirst("Host"),
                service, timestamp, body);
        if (!expected.equals(auth)) {
            return "AuthFailure.SignatureFailure";
        }
        JsonNode req = WireJson.MAPPER.readTree(body);
        String app = service.equals("sms") ? req.path("SmsSdkAppId").asText() : req.path("VoiceSdkAppid").asText();
        return app.equals(service.equals("sms") ? SMS_APP : VOICE_APP) ? null : "InvalidParameterValue.SdkAppIdNotExist";
    }

    private static void answer(HttpExchange x, Object json) throws IOException {
        byte[] out = WireJson.write(json);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    /** A person answers an SMS: Tencent's reply callback to the park's address. */
    HttpResponse<String> replyBySms(String callbackBase, String phone, String text) throws Exception {
        return post(callbackBase + "/tencent/sms-reply", Map.of("extend", "", "mobile", phone.replaceFirst("^\\+86", ""),
                "nationcode", "86", "sign", "化工园区", "text", text, "time", System.currentTimeMillis() / 1000));
    }

    /** A person presses a key on a call: Tencent's key-press callback. */
    HttpResponse<String> pressKey(String callbackBase, Sent call, String key) throws Exception {
        return post(callbackBase + "/tencent/voice", Map.of("voicekey_callback", Map.of("call_from", "",
                "callid", call.callId(), "keypress", key, "mobile", call.phone().replaceFirst("^\\+86", ""),
                "nationcode", "86")));
    }

    /** A page as a phone's browser asks for it. */
    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A form sent from such a page. */
    HttpResponse<String> form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String url, Object json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.write(json))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
