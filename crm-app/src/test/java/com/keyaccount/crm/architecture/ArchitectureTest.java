package com.keyaccount.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.keyaccount.crm");
    }

    @Test
    void scoring_algorithms_are_plain_java_without_spring_or_jpa() {
        noClasses().that().resideInAPackage("com.keyaccount.crm.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void scoring_does_not_reach_into_entities_or_pages() {
        noClasses().that().resideInAPackage("com.keyaccount.crm.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..security..", "..demo..", "..config..")
                .check(classes);
    }

    @Test
    void the_domain_knows_nothing_of_pages_security_or_the_application() {
        noClasses().that().resideInAnyPackage("com.keyaccount.crm.customer", "com.keyaccount.crm.contactlog",
                        "com.keyaccount.crm.sales", "com.keyaccount.crm.tier", "com.keyaccount.crm.user",
                        "com.keyaccount.crm.audit")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..security..", "..demo..",
                        "..config..", "com.keyaccount.crm.scoring..", "org.springframework.web..",
                        "org.springframework.security..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void dependencies_are_injected_through_constructors() {
        noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .allowEmptyShould(true)
                .check(classes);
    }
}
