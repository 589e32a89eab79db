package com.webgrip.deploy.sops;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows between the sops sub-packages: {@code tree} (the document model) uses nothing of
 * ours; {@code store} (file formats) uses {@code tree} and the one exception type it throws;
 * {@code sops} reaches age only through age's public API.
 */
@AnalyzeClasses(packages = "com.webgrip.deploy", importOptions = ImportOption.DoNotIncludeTests.class)
class SubPackageArrowsTest {

    @ArchTest
    static final ArchRule treeDependsOnNothingOfOurs = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.sops.tree..")
            .should()
            .dependOnClassesThat(resideInAPackage("com.webgrip.deploy..")
                    .and(not(resideInAPackage("com.webgrip.deploy.sops.tree.."))))
            .because("the document tree is the model every other part builds on");

    @ArchTest
    static final ArchRule storeDependsOnlyOnTreeAndItsException = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.sops.store..")
            .should()
            .dependOnClassesThat(resideInAPackage("com.webgrip.deploy..")
                    .and(not(resideInAnyPackage("com.webgrip.deploy.sops.store..", "com.webgrip.deploy.sops.tree..")))
                    .and(not(type(SopsFormatException.class)))
                    .and(not(type(SopsException.class))))
            .because("stores turn bytes into trees and back; keys, ciphers and metadata are not theirs");

    @ArchTest
    static final ArchRule sopsUsesOnlyThePublicApiOfAge = noClasses()
            .that()
            .resideInAPackage("com.webgrip.deploy.sops..")
            .should()
            .dependOnClassesThat(resideInAPackage("com.webgrip.deploy.age..").and(not(modifier(JavaModifier.PUBLIC))))
            .because("SOPS is a user of age like any other");
}
