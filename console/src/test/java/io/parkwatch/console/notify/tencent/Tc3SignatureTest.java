package io.parkwatch.console.notify.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Our TC3-HMAC-SHA256 against Tencent's own SDK: the same request signed by both gives the same header. */
class Tc3SignatureTest {

    @Test
    void signsARequestExactlyAsTencentsSdkDoes() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            seen.put("authorization", x.getRequestHeaders().getFirst("Authorization"));
            seen.put("timestamp", x.getRequestHeaders().getFirst("X-TC-Timestamp"));
            seen.put("host", x.getRequestHeaders().getFirst("Host"));
            seen.put("body", new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"Response\":{\"SendStatusSet\":[],\"RequestId\":\"r-1\"}}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        server.start();
        try {
            HttpProfile http = new HttpProfile();
            http.setEndpoint("127.0.0.1:" + server.getAddress().getPort());
            http.setProtocol("http://");
            SmsClient sdk = new SmsClient(new Credential("AKIDexampleSecretId", "exampleSecretKeyForTests"),
                    "ap-guangzhou", new ClientProfile("TC3-HMAC-SHA256", http));
            SendSmsRequest req = new SendSmsRequest();
            req.setPhoneNumberSet(new String[] {"+8613800000101"});
            req.setSmsSdkAppId("1400000001");
            req.setSignName("园区");
            req.setTemplateId("100001");
            req.setTemplateParamSet(new String[] {"一级报警", "042917"});
            sdk.SendSms(req);

            // the SDK takes the service of the scope from the endpoint's first label: "127" for this local server
            String ours = Tc3Signature.authorization("AKIDexampleSecretId", "exampleSecretKeyForTests",
                    seen.get("host"), "127", Long.parseLong(seen.get("timestamp")),
                    seen.get("body").getBytes(StandardCharsets.UTF_8));
            assertThat(ours).isEqualTo(seen.get("authorization"));
            // and a different key, payload or time gives another signature
            assertThat(Tc3Signature.authorization("AKIDexampleSecretId", "anotherKey", seen.get("host"), "127",
                    Long.parseLong(seen.get("timestamp")), seen.get("body").getBytes(StandardCharsets.UTF_8)))
                    .isNotEqualTo(seen.get("authorization"));
            assertThat(Tc3Signature.authorization("AKIDexampleSecretId", "exampleSecretKeyForTests", seen.get("host"),
                    "127", Long.parseLong(seen.get("timestamp")) + 1, seen.get("body").getBytes(StandardCharsets.UTF_8)))
                    .isNotEqualTo(seen.get("authorization"));
        } finally {
            server.stop(0);
        }
    }
}
