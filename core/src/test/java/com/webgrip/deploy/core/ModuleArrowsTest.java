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
    static final ArchRule coreDoesNotReachAdaptersOrTheCommandLine = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.fabric8..",
                    "com.marcnuri..",
                    "picocli..",
                    "com.webgrip.deploy.kubernetes..",
                    "com.webgrip.deploy.testkit..",
                    "com.webgrip.deploy.cli..")
            .because("core is the library: clusters, real Helm and the command line plug in from outside");

    @ArchTest
    static final ArchRule theGraphStandsAlone = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.core.graph..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.core.platform..",
                    "com.webgrip.deploy.core.plan..",
                    "com.webgrip.deploy.core.check..",
                    "com.webgrip.deploy.sops..",
                    "com.webgrip.deploy.helm..")
            .because("the chart graph is pure ordering over names and numbers, reusable without a platform");

    @ArchTest
    static final ArchRule thePlanDoesNotRunChecks = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.core.plan..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.webgrip.deploy.core.check..")
            .because("checks read plans; plans do not know about checks");

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
