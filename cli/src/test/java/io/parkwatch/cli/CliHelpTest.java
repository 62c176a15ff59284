package io.parkwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliHelpTest {

    static String help(Locale language, String... command) {
        CommandLine c = ParkWatchCli.commandLine(language);
        for (String sub : command) {
            c = c.getSubcommands().get(sub);
        }
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Test
    void theOperatorsCommandsExplainThemselvesInChineseUnlessEnglishIsAskedFor() {
        assertThat(help(Locale.SIMPLIFIED_CHINESE)).contains("危险化学品园区实时监测预警", "用法：", "命令：",
                "在一个 JVM 中启动 ParkWatch");
        assertThat(help(Locale.SIMPLIFIED_CHINESE, "demo")).contains("演示园区", "显示本帮助并退出", "配置文件（默认：config/parkwatch.yaml）");
        assertThat(help(Locale.SIMPLIFIED_CHINESE, "rules", "apply")).contains("发布到运行中的系统");
        assertThat(help(Locale.SIMPLIFIED_CHINESE, "hash-password")).contains("bcrypt 哈希");
        assertThat(help(Locale.ROOT, "demo")).contains("Start ParkWatch in one JVM with the simulated demo park")
                .doesNotContain("演示");
        assertThat(ParkWatchCli.helpLanguage(Map.of("LANG", "en_US.UTF-8"))).isEqualTo(Locale.ROOT);
        assertThat(ParkWatchCli.helpLanguage(Map.of("LANG", "en_US.UTF-8", "PARKWATCH_LANG", "zh-CN")))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ParkWatchCli.helpLanguage(Map.of())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
