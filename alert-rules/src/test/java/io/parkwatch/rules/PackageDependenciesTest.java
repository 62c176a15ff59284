package io.parkwatch.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's shape, kept by a test: no cycle between its packages; no Flink, Kafka or Netty in it; and
 * the rule file parser and the engine reach the rule kinds only through the registry, so a new kind is its
 * own package plus a line in {@code kinds.RuleKinds}.
 */
@AnalyzeClasses(packages = "io.parkwatch.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("io.parkwatch.rules.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule noFrameworkInTheCore = noClasses().that().resideInAPackage("io.parkwatch.rules..").should()
            .dependOnClassesThat().resideInAnyPackage("org.apache.flink..", "org.apache.kafka..", "io.netty..");

    @ArchTest
    static final ArchRule parserAndEngineKnowNoKindByName = noClasses().that()
            .resideInAPackage("io.parkwatch.rules.ruleset..").should().dependOnClassesThat().resideInAnyPackage(
                    "io.parkwatch.rules.threshold..", "io.parkwatch.rules.rate..", "io.parkwatch.rules.trend..",
                    "io.parkwatch.rules.quality..", "io.parkwatch.rules.shutdown..", "io.parkwatch.rules.group..");
}
