package com.webgrip.deploy.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md that the core module must hold. */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule coreDoesNotDependOnAdaptersOrTools = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.kubernetes..",
                    "com.webgrip.deploy.testkit..",
                    "com.webgrip.deploy.cli..",
                    "picocli..",
                    "io.fabric8..",
                    "com.marcnuri..")
            .because("core is the library; real clusters, Helm binaries, the testkit and the CLI sit above it");

    @ArchTest
    static final ArchRule decisionSpisDoNotDependOnTheExecutor = noClasses()
            .that()
            .resideInAnyPackage(
                    "com.webgrip.deploy.core.health..",
                    "com.webgrip.deploy.core.policy..",
                    "com.webgrip.deploy.core.metrics..",
                    "com.webgrip.deploy.core.deploy..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.core.run..",
                    "com.webgrip.deploy.core.journal..",
                    "com.webgrip.deploy.core.history..",
                    "com.webgrip.deploy.core.notify..")
            .because("the plan carries health gates and policies, so those SPIs sit below the executor");
}
