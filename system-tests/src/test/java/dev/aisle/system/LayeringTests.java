package dev.aisle.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the brief's layering: algorithm code and the shared library know nothing of Spring or HTTP. */
class LayeringTests {

    private static JavaClasses aisle;

    @BeforeAll
    static void importClasses() {
        aisle = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aisle");
    }

    @Test
    void algorithmPackagesDoNotDependOnSpring() {
        noClasses()
                .that().resideInAnyPackage("..model..", "..ranking..", "dev.aisle.common..", "dev.aisle.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .allowEmptyShould(true)
                .check(aisle);
    }

    @Test
    void sharedLibraryDoesNotDependOnServices() {
        noClasses()
                .that().resideInAPackage("dev.aisle.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.aisle.recommend..", "dev.aisle.search..", "dev.aisle.behavior..", "dev.aisle.gateway..",
                        "dev.aisle.support..", "dev.aisle.cli..")
                .check(aisle);
    }
}
