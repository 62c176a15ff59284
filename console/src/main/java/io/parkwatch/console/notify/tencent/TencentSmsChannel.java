package io.parkwatch.console.notify.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.NotificationText;
import io.parkwatch.console.notify.PhoneCalls;
import io.parkwatch.console.notify.PhoneNumber;
import io.parkwatch.console.notify.TextSender;
import io.parkwatch.rules.model.AlertEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text messages through Tencent Cloud SMS (API 3.0, action SendSms, version 2021-01-11) to the person an alert calls.
 * China's operators carry only approved templates, so the message is the park's template with its placeholders
 * filled in the order {@code template-params} names (text, reply-code, link, ...). A number the provider did not
 * take ({@code SendStatusSet[].Code} other than "Ok") is a failed delivery, retried like any other.
 */
public final class TencentSmsChannel implements Channel, TextSender {

    /**
     * The park's account at the provider: application, signature, the alarm template (its placeholders take the
     * parts {@code params} names) and the verification-code template (one placeholder: the code), or null.
     */
    public record Template(String appId, String signName, String templateId, List<String> params,
            String codeTemplateId) {
        public Template {
            params = List.copyOf(params);
        }
    }

    private final TencentCloudApi api;
    private final Template template;
    private final NotificationText text;

    public TencentSmsChannel(TencentCloudApi api, Template template, NotificationText text) {
        this.api = api;
        this.template = template;
        this.text = text;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public boolean accepts(AlertEvent e) {
        return PhoneCalls.calls(e, "sms");
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        send(PhoneCalls.phone(e), template.templateId(), template.params().stream().map(p -> text.part(p, e)).toList(),
                e.eventId());
    }

    /** Through the verification-code template; a park without one sends no codes (the page offers the console). */
    @Override
    public void sendCode(String phone, String code, String message) throws Exception {
        if (template.codeTemplateId() == null || template.codeTemplateId().isBlank()) {
            throw new IllegalStateException("notifier.tencent.sms-code-template is not set: no one-time codes by SMS");
        }
        send(phone, template.codeTemplateId(), List.of(code), "code");
    }

    private void send(String phone, String templateId, List<String> params, String context) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("PhoneNumberSet", List.of(PhoneNumber.normalize(phone)));
        request.put("SmsSdkAppId", template.appId());
        request.put("SignName", template.signName());
        request.put("TemplateId", templateId);
        request.put("TemplateParamSet", params);
        request.put("SessionContext", context);
        JsonNode response = api.call("SendSms", request);
        for (JsonNode status : response.path("SendStatusSet")) {
            if (!"Ok".equals(status.path("Code").asText())) {
                throw new TencentCloudApi.Failed(status.path("Code").asText(), status.path("Message").asText());
            }
        }
    }
}
