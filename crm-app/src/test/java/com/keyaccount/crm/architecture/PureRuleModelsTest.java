package com.keyaccount.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * crm-domain's rule models and the violations they report are plain Java, like crm-scoring's
 * algorithms: the forms and the draft model ask them what is wrong, so they must not need a
 * database or a container to answer.
 */
class PureRuleModelsTest {

    @Test
    void rule_models_and_their_violations_use_no_spring_jpa_or_sql() {
        noClasses().that().resideInAnyPackage("com.keyaccount.crm.tier.rules..", "com.keyaccount.crm.followup.rules..",
                        "com.keyaccount.crm.churn..", "com.keyaccount.crm.shared.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "java.sql..", "javax.sql..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.keyaccount.crm.tier.rules", "com.keyaccount.crm.followup.rules",
                                "com.keyaccount.crm.churn", "com.keyaccount.crm.shared.rules"));
    }
}
