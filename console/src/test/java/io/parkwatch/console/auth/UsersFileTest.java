package io.parkwatch.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parkwatch.rules.config.ConfigException;
import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.config.PointRegistry;
import io.parkwatch.rules.config.YamlSource;
import io.parkwatch.rules.model.AlertCommand.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersFileTest {

    static final String HASH = "$2a$10$eorxSF7mRuPxkxDOV4Z9g.hKCTgIonZuTUDprOmhwgl0motCrfqGS";
    static final PointRegistry PARK = new PointRegistry(List.of(new Enterprise("ent-a", "A")), List.of());

    @Test
    void theShippedUsersFileIsValid() {
        PointRegistry demo = io.parkwatch.rules.config.PointRegistryFile.parse(
                YamlSource.read(Path.of("../config/points.yaml")));
        Map<String, ConsoleUser> users = UsersFile.load(Path.of("../config/users.yaml"), demo);
        assertThat(users.get("duty").role()).isEqualTo(Role.PARK_OFFICER);
        assertThat(users.get("huaxin").enterpriseId()).isEqualTo("ent-huaxin");
        assertThat(users.get("huaxin").sees("ent-donghai")).isFalse();
        assertThat(users.get("duty").sees("ent-donghai")).isTrue();
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndField() {
        String yaml = """
                users:
                  - { username: a, role: park-officer, password-hash: "%1$s" }
                  - { username: b, role: operator, password-hash: "%1$s" }
                  - { username: c, role: enterprise-operator, password-hash: "%1$s" }
                  - { username: d, role: enterprise-operator, enterprise: ent-x, password-hash: "%1$s" }
                  - { username: e, role: park-officer, password-hash: secret }
                  - { username: a, role: park-officer, password-hash: "%1$s" }
                  - { username: f, role: park-officer, enterprise: ent-a, password-hash: "%1$s" }
                  - { username: g, role: park-officer, password-hash: "%1$s", language: fr }
                """.formatted(HASH);
        assertThatThrownBy(() -> UsersFile.parse(YamlSource.parse("users.yaml", yaml), PARK))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users.yaml:3:")
                .hasMessageContaining("must be park-officer or enterprise-operator, not 'operator'")
                .hasMessageContaining("users.yaml:4:").hasMessageContaining("is required for an enterprise operator")
                .hasMessageContaining("users.yaml:5:").hasMessageContaining("unknown enterprise 'ent-x'")
                .hasMessageContaining("users.yaml:6:").hasMessageContaining("must be a bcrypt hash")
                .hasMessageContaining("users.yaml:7:").hasMessageContaining("duplicate user name 'a'")
                .hasMessageContaining("users.yaml:8:").hasMessageContaining("a park officer sees every enterprise")
                .hasMessageContaining("users.yaml:9:").hasMessageContaining("unknown language 'fr' (expected one of [zh-CN, en])");
    }

    @Test
    void aUserReadsTheLanguageOfTheirEntryElseChinese() {
        String yaml = """
                users:
                  - { username: wang, role: park-officer, password-hash: "%1$s" }
                  - { username: smith, role: park-officer, password-hash: "%1$s", language: en }
                """.formatted(HASH);
        Map<String, ConsoleUser> users = UsersFile.parse(YamlSource.parse("users.yaml", yaml), PARK);
        assertThat(users.get("wang").catalogue().locale()).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(users.get("smith").catalogue().locale()).isEqualTo(java.util.Locale.ENGLISH);
    }
}
