package com.webgrip.deploy.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md that the testkit must hold. */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule testkitDependsOnCoreAndJUnitOnly = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.testkit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.kubernetes..",
                    "com.webgrip.deploy.cli..",
                    "picocli..",
                    "io.fabric8..",
                    "com.marcnuri..",
                    "org.assertj..")
            .because("users' policy tests bring only core and JUnit's API with the testkit");
}
