package io.parkwatch.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.risk.RiskColour;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskReason;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.text.Message;
import io.parkwatch.rules.wire.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A risk warning as the channels see it: one notice for groups, one per person for phones, never an answer link. */
class RiskNoticesTest {

    static final long T0 = 1_796_086_800_000L;

    @Test
    void aRiseIsOneGroupNoticeAndOnePhoneNoticePerPersonAsItTravelsOnItsTopic() {
        RiskWarning w = new RiskWarning("risk-ent-a-1", 1, RiskColour.BLUE, new RiskLevel("ent-a", RiskColour.YELLOW, 38,
                List.of(new RiskReason("commitment-missing", null, 20, Message.of("risk.reason.commitment-missing",
                        "09:00"))), T0), Message.of("risk.warning.rise", "甲化工", RiskColour.BLUE.term(),
                RiskColour.YELLOW.term(), 38, Message.list(List.of(Message.term("risk.cause.commitment-missing")))),
                List.of(new Recipient("a-control", "甲中控室", "+8657100000001", "control-room", "企业中控室", List.of()),
                        new Recipient("a-boss", "甲厂长", "+8613800000001", "principal", "主要负责人",
                                List.of("sms"))));
        List<AlertEvent> notices = RiskNotices.of(WireJson.read(WireJson.write(w), RiskWarning.class));
        assertThat(notices).extracting(AlertEvent::eventId).containsExactly("risk-ent-a-1", "risk-ent-a-1|a-control",
                "risk-ent-a-1|a-boss");
        assertThat(notices).allMatch(e -> e.type() == AlertEventType.RISK_WARNING && e.announced());
        AlertEvent group = notices.get(0);
        AlertEvent boss = notices.get(2);
        assertThat(PhoneCalls.calls(group, "sms")).isFalse();
        assertThat(PhoneCalls.calls(boss, "sms")).isTrue();
        assertThat(PhoneCalls.calls(boss, "voice")).isFalse(); // the principal's tier: SMS only
        NotificationText text = NotificationText.DEFAULT.withLinks(e -> "https://link", e -> "123456");
        assertThat(text.sms(boss)).contains("【风险预警】甲化工 风险等级由低风险（蓝）升为一般风险（黄）（38 分），主要原因：未按时安全承诺")
                .doesNotContain("123456").doesNotContain("https://link").doesNotContain("报警编号");
        assertThat(text.voice(boss)).startsWith("ParkWatch 风险预警：").doesNotContain("按 1");
        assertThat(RiskNotices.personal(boss)).isTrue();
        assertThat(RiskNotices.personal(group)).isFalse();
    }
}
