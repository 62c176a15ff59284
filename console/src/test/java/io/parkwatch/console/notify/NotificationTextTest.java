package io.parkwatch.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.console.TestEvents;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

    @Test
    void aMessageToAPersonCarriesTheirOwnLinkAndAGroupMessageNone() {
        NotificationText text = new NotificationText(Catalogue.chinese(), ZoneId.of("Asia/Shanghai"))
                .withLinks(e -> "https://park.example/m/" + e.recipients().get(0).personId() + "-token", e -> "042917");
        AlertEvent raised = TestEvents.raised("a1", "GT1", "ent-a", Level.ALARM, 1_800_000_000_000L)
                .withText(Message.of("event.escalated", "张伟", "操作负责人", ", 138"));
        AlertEvent toZhang = TestEvents.handled(raised, "e1", AlertEventType.ESCALATED, "escalation", null,
                1_800_000_060_000L).withRecipients(List.of(new Recipient("zhang", "张伟", "138", "operational",
                        "操作负责人", List.of("sms"))));
        assertThat(text.sms(toZhang)).endsWith("。回复 042917 叫应。处置链接：https://park.example/m/zhang-token");
        assertThat(text.sms(raised)).doesNotContain("处置链接").doesNotContain("回复"); // nobody named: no way to answer
        // a provider's template takes the parts in the order the park's template has them
        assertThat(text.part("reply-code", toZhang)).isEqualTo("042917");
        assertThat(text.part("link", toZhang)).isEqualTo("https://park.example/m/zhang-token");
        assertThat(text.part("level", toZhang)).isEqualTo("一级报警");
        assertThat(text.part("text", toZhang)).startsWith("【ParkWatch】一级报警").doesNotContain("回复");
        assertThat(text.part("link", raised)).isEmpty();
        assertThat(text.voice(toZhang)).startsWith("ParkWatch 一级报警：").endsWith("确认收到请按 1。");
        assertThat(text.markdown(toZhang)).doesNotContain("/m/"); // a group robot's message: no one's own link
    }

    @Test
    void aGroupRobotsMessageThatCallsForActionAsksWhoAnswers() {
        NotificationText text = new NotificationText(Catalogue.chinese(), ZoneId.of("Asia/Shanghai"))
                .withGroupLinks(e -> "https://park.example/m/group-" + e.alertId());
        AlertEvent raised = TestEvents.raised("a1", "GT1", "ent-a", Level.ALARM, 1_800_000_000_000L);
        assertThat(text.markdown(raised)).contains("[谁来叫应？确认身份后叫应](https://park.example/m/group-a1)");
        AlertEvent acked = TestEvents.handled(raised, "e2", AlertEventType.ACKNOWLEDGED, "duty", null,
                1_800_000_060_000L);
        assertThat(text.markdown(acked)).doesNotContain("谁来叫应");
        assertThat(text.sms(raised)).doesNotContain("group-"); // a person's message has their own link, not the group's
    }
}
