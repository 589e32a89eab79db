package com.webgrip.deploy.kubernetes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md that the kubernetes module must hold. */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule kubernetesDoesNotReachTheCommandLineOrTheTestkit = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.kubernetes..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.webgrip.deploy.cli..", "com.webgrip.deploy.testkit..", "picocli..")
            .because("kubernetes adapts core to real Helm and clusters; the command line sits above it");
}
