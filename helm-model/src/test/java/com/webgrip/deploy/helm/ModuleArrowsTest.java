package com.webgrip.deploy.helm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md that the helm-model module must hold. */
@AnalyzeClasses(packages = "com.webgrip.deploy.helm", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule helmModelDependsOnNoOtherModuleNorAdapter = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.helm..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.sops..",
                    "com.webgrip.deploy.age..",
                    "com.webgrip.deploy.core..",
                    "com.webgrip.deploy.kubernetes..",
                    "com.webgrip.deploy.cli..",
                    "com.webgrip.deploy.testkit..",
                    "picocli..",
                    "io.fabric8..",
                    "com.marcnuri.helm..")
            .because("helm-model is Helm's world without Helm or a cluster; real Helm is only a test peer here");

    @ArchTest
    static final ArchRule semverStandsAlone = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.helm.semver..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.helm.chart..",
                    "com.webgrip.deploy.helm.values..",
                    "com.webgrip.deploy.helm.platform..",
                    "com.webgrip.deploy.helm.release..")
            .because("versions are the bottom of the module's own graph");

    @ArchTest
    static final ArchRule valuesDoNotKnowCharts = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.helm.values..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.webgrip.deploy.helm.chart..", "com.webgrip.deploy.helm.platform..")
            .because("charts hold values; coalescing with a chart lives in the chart package");
}
