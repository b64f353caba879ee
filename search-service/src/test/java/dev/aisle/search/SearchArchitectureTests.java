package dev.aisle.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SearchArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aisle.search");

    @Test
    void keepsIndexAndRankingFreeOfSpring() {
        noClasses().that().resideInAnyPackage("dev.aisle.search.index..", "dev.aisle.search.ranking..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void keepsRankingIndependentOfTheIndex() {
        noClasses().that().resideInAPackage("dev.aisle.search.ranking..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aisle.search.index..",
                        "dev.aisle.search.catalog..", "dev.aisle.search.query..")
                .check(classes);
    }
}
