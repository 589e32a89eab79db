package com.webgrip.deploy.sops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md that the sops module must hold. */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule ageDoesNotDependOnSops = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.age..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.webgrip.deploy.sops..")
            .because("age is a standalone format library that SOPS builds on, never the reverse");

    @ArchTest
    static final ArchRule sopsModuleDoesNotDependOnHigherModules = noClasses()
            .that()
            .resideInAnyPackage("com.webgrip.deploy.age..", "com.webgrip.deploy.sops..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.webgrip.deploy.core..",
                    "com.webgrip.deploy.helm..",
                    "com.webgrip.deploy.kubernetes..",
                    "com.webgrip.deploy.testkit..",
                    "com.webgrip.deploy.cli..",
                    "picocli..",
                    "io.fabric8..",
                    "com.marcnuri.helm..")
            .because("the sops module sits at the bottom of the module graph");
}
