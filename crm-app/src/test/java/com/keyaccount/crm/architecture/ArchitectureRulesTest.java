package com.keyaccount.crm.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule fails the build on a deliberate violation (the classes in
 * {@code violations}), so a rule that matched nothing or checked the wrong thing would show here.
 */
class ArchitectureRulesTest {

    private static final String VIOLATIONS = "com.keyaccount.crm.architecture.violations";
    private static JavaClasses violations;

    @BeforeAll
    static void importViolations() {
        violations = new ClassFileImporter().importPackages(VIOLATIONS);
    }

    @Test
    void a_rule_that_reads_the_database_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.rulesArePlainJava(resideInAPackage(VIOLATIONS + ".scoring.."))
                .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ImpureRule")
                .hasMessageContaining("JdbcClient");
    }

    @Test
    void a_rule_that_records_metrics_itself_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.rulesArePlainJava(resideInAPackage(VIOLATIONS + ".scoring.."))
                .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CountingRule")
                .hasMessageContaining("io.micrometer.core.instrument.Counter");
    }

    @Test
    void a_controller_calling_a_repository_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.webServesHttpOnly(resideInAPackage(VIOLATIONS + ".web.."))
                .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ControllerWithSql")
                .hasMessageContaining("AppUserRepository");
    }

    @Test
    void a_feature_reaching_into_another_features_web_classes_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.featuresKeepTheirWebToThemselves(VIOLATIONS + ".(*).web..")
                .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OneController")
                .hasMessageContaining("TwoForm");
    }

    @Test
    void a_public_table_writer_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.tableWritersStayInsideTheirFeature(
                resideInAPackage(VIOLATIONS + ".store..")).check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OpenStore");
    }

    @Test
    void a_package_cycle_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.packagesAreFreeOfCycles(VIOLATIONS + ".cycle.(*)..")
                .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void a_lower_module_using_a_higher_one_is_refused() {
        assertThatThrownBy(() -> ArchitectureRules.lowerModulesDoNotSeeHigherOnes(
                resideInAPackage(VIOLATIONS + ".one.."), resideInAPackage(VIOLATIONS + ".two.."))
                .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OneController");
    }
}
