package com.keyaccount.crm.architecture;

import static com.keyaccount.crm.architecture.ArchitectureRules.inModule;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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
                .withImportOption(ArchitectureTest::notGeneratedAheadOfTime)
                .importPackages("com.keyaccount.crm");
    }

    /**
     * Spring's build-time (AOT) classes ({@code RuleSet__Accessor_…}, {@code …__BeanDefinitions}), which
     * {@code package} writes into target/classes beside ours: Spring's code about our classes, not ours.
     */
    private static boolean notGeneratedAheadOfTime(com.tngtech.archunit.core.importer.Location location) {
        String uri = location.asURI().toString();
        return !uri.substring(uri.lastIndexOf('/') + 1).contains("__");
    }

    @Test
    void rules_are_plain_java_without_spring_jpa_or_sql() {
        ArchitectureRules.rulesArePlainJava(ArchitectureRules.PURE_RULES).check(classes);
    }

    @Test
    void the_web_module_serves_http_only() {
        ArchitectureRules.webServesHttpOnly(inModule("crm-web")).check(classes);
    }

    @Test
    void features_keep_their_web_classes_to_themselves() {
        ArchitectureRules.featuresKeepTheirWebToThemselves("com.keyaccount.crm.(*).web..").check(classes);
    }

    @Test
    void table_writers_stay_inside_their_feature() {
        ArchitectureRules.tableWritersStayInsideTheirFeature(resideInAPackage("com.keyaccount.crm..")).check(classes);
    }

    @Test
    void packages_are_free_of_cycles() {
        ArchitectureRules.packagesAreFreeOfCycles("com.keyaccount.crm.(**)").check(classes);
    }

    @Test
    void modules_depend_downwards_only() {
        ArchitectureRules.lowerModulesDoNotSeeHigherOnes(inModule("crm-domain"),
                inModule("crm-scoring").or(inModule("crm-web")).or(inModule("crm-app"))).check(classes);
        ArchitectureRules.lowerModulesDoNotSeeHigherOnes(inModule("crm-scoring"),
                inModule("crm-web").or(inModule("crm-app"))).check(classes);
        ArchitectureRules.lowerModulesDoNotSeeHigherOnes(inModule("crm-web"), inModule("crm-app")).check(classes);
    }

    @Test
    void dependencies_are_injected_through_constructors() {
        noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .allowEmptyShould(true)
                .check(classes);
    }
}
