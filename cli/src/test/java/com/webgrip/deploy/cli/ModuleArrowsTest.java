package com.webgrip.deploy.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of docs/architecture.md that the cli module must hold. */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "com.webgrip.deploy.cli..", "com.webgrip.deploy.examples..", "com.webgrip.deploy.benchmarks..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..")
            .because("picocli is the command line's business; the library stays free of it");

    @ArchTest
    static final ArchRule nothingDependsOnTheCommandLine = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "com.webgrip.deploy.cli..", "com.webgrip.deploy.examples..", "com.webgrip.deploy.benchmarks..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.webgrip.deploy.cli..")
            .because("the command line sits on top of the library, never under it");

    @ArchTest
    static final ArchRule theCommandLineDoesNotReachIntoExamplesOrBenchmarks = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.webgrip.deploy.examples..", "com.webgrip.deploy.benchmarks..")
            .because("examples and benchmarks are built on the command line's modules, not the reverse");
}
