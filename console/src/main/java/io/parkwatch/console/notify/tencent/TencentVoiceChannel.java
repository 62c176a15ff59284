package io.parkwatch.console.notify.tencent;

import io.parkwatch.console.notify.Channel;
import io.parkwatch.console.notify.NotificationText;
import io.parkwatch.console.notify.PhoneCalls;
import io.parkwatch.console.notify.PhoneNumber;
import io.parkwatch.console.notify.VoiceCalls;
import io.parkwatch.rules.model.AlertEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Voice calls through Tencent Cloud Voice Message Service (API 3.0, action SendTtsVoice, version 2020-09-02): the
 * park's approved text-to-speech template read to the person an alert calls, twice; the call id the provider answers
 * with is kept so that the key the person presses (1: acknowledge), reported by the provider's key-press callback,
 * answers that alert.
 */
public final class TencentVoiceChannel implements Channel {

    /** The park's voice application and its template (its one placeholder takes the call's text). */
    public record Template(String appId, String templateId, int playTimes) {
    }

    private final TencentCloudApi api;
    private final Template template;
    private final NotificationText text;
    private final VoiceCalls calls;

    public TencentVoiceChannel(TencentCloudApi api, Template template, NotificationText text, VoiceCalls calls) {
        this.api = api;
        this.template = template;
        this.text = text;
        this.calls = calls;
    }

    @Override
    public String name() {
        return "voice";
    }

    @Override
    public boolean accepts(AlertEvent e) {
        return PhoneCalls.calls(e, "voice");
    }

    @Override
    public void deliver(AlertEvent e) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("TemplateId", template.templateId());
        request.put("TemplateParamSet", List.of(text.voice(e)));
        request.put("CalledNumber", PhoneNumber.normalize(PhoneCalls.phone(e)));
        request.put("VoiceSdkAppid", template.appId());
        request.put("PlayTimes", template.playTimes());
        request.put("SessionContext", e.eventId());
        String callId = api.call("SendTtsVoice", request).path("SendStatus").path("CallId").asText(null);
        calls.placed(callId, e);
    }
}
