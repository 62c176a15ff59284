package io.parkwatch.console.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCategory;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.AlertEventType;
import io.parkwatch.rules.model.Direction;
import io.parkwatch.rules.model.Level;
import io.parkwatch.rules.model.PointKind;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import org.junit.jupiter.api.Test;

class AlertViewTest {

    static AlertEvent raised(Message text) {
        return AlertEvent.builder().eventId("e1").alertId("a1").seq(1).type(AlertEventType.RAISED).ruleId("gas")
                .pointId("GT1").enterpriseId("ent-a").kind(PointKind.GAS_LEL).unit("%LEL").direction(Direction.HIGH)
                .level(Level.ALARM).value(38).limit(25).message("GT1: 38 %LEL, at or above the alarm limit 25 %LEL")
                .text(text).category(AlertCategory.PROCESS).build();
    }

    @Test
    void eachReaderSeesTheAlertInTheirLanguageAndIntegratorsGetTheKey() {
        Message text = Message.of("alert.threshold.raised", "GT1", "38", " %LEL", Message.term("at-or-above"),
                Message.term("level.alarm"), "25");
        Alert a = Alert.raisedBy(raised(text));
        assertThat(AlertView.of(a, Catalogue.chinese()).message()).isEqualTo("GT1：38 %LEL，达到或超过一级报警限值 25 %LEL");
        assertThat(AlertView.of(a, Catalogue.english()).message()).isEqualTo("GT1: 38 %LEL, at or above the alarm limit 25 %LEL");
        assertThat(AlertView.of(a, Catalogue.chinese()).text()).isEqualTo(text);
    }

    @Test
    void whoWasNotifiedReadsInTheReadersLanguage() {
        AlertEvent escalated = raised(null).withType(AlertEventType.ESCALATED)
                .withNote("李娜（工艺工程师） (technical responsible person, +86 138 0000 0102)");
        assertThat(AlertView.readable(escalated, Catalogue.chinese()).note())
                .isEqualTo("李娜（工艺工程师） (技术负责人, +86 138 0000 0102)");
        assertThat(AlertView.readable(escalated, Catalogue.english()).note()).isEqualTo(escalated.note());
    }

    @Test
    void anAlertStoredBeforeCataloguesKeepsItsEnglishSentence() {
        Alert old = Alert.raisedBy(raised(null));
        assertThat(AlertView.of(old, Catalogue.chinese()).message()).isEqualTo("GT1: 38 %LEL, at or above the alarm limit 25 %LEL");
        assertThat(AlertView.readable(raised(null), Catalogue.chinese()).message()).startsWith("GT1: 38");
    }
}
