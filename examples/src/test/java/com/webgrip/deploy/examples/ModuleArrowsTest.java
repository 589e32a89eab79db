package com.webgrip.deploy.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The examples may use every module; no module may use the examples. */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule nothingDependsOnTheExamples = noClasses()
            .that()
            .resideOutsideOfPackage("com.webgrip.deploy.examples..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.webgrip.deploy.examples..")
            .because("the examples sit at the top: they show the library, the library does not use them");
}
