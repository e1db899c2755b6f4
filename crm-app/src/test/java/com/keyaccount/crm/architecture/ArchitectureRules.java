package com.keyaccount.crm.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;

/**
 * The boundaries of ARCHITECTURE.md as rules over a set of classes. They take the classes they
 * apply to as arguments, so that {@code ArchitectureRulesTest} can prove each one fails on a
 * deliberate violation, not only that the production code passes it.
 */
final class ArchitectureRules {

    /** The pure rules: crm-scoring's algorithms and crm-domain's rule models. */
    static final DescribedPredicate<JavaClass> PURE_RULES = resideInAnyPackage("com.keyaccount.crm.scoring..",
            "com.keyaccount.crm.tier.rules..", "com.keyaccount.crm.followup.rules..", "com.keyaccount.crm.churn",
            "com.keyaccount.crm.shared.rules..", "com.keyaccount.crm.prospect.rules..",
            "com.keyaccount.crm.complaint.rules..", "com.keyaccount.crm.checkin.rules..");

    private static final DescribedPredicate<JavaClass> FRAMEWORK_OR_PERSISTENCE = resideInAnyPackage(
            "org.springframework..", "jakarta.persistence..", "org.hibernate..", "java.sql..", "javax.sql..",
            "io.micrometer..")
            .as("Spring, JPA, JDBC or metrics");

    /** SQL and repositories; exception types are fine (the web layer maps a lost database to 503). */
    private static final DescribedPredicate<JavaClass> SQL_OR_REPOSITORIES = resideInAnyPackage(
            "org.springframework.jdbc..", "org.springframework.data.jpa..", "jakarta.persistence..",
            "org.hibernate..", "java.sql..", "javax.sql..")
            .or(assignableTo(Repository.class))
            .and(not(assignableTo(Throwable.class)))
            .as("SQL, JPA or a repository");

    private static final DescribedPredicate<JavaClass> TABLE_WRITERS = DescribedPredicate.describe(
            "write a table (*Store, *Stage)", type -> !type.isInterface()
                    && (type.getSimpleName().endsWith("Store") || type.getSimpleName().endsWith("Stage")));

    private ArchitectureRules() {
    }

    /** The classes compiled from one Maven module, whether read from its target folder or its jar. */
    static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in " + module, type -> type.getSource()
                .map(source -> source.getUri().toString().contains("/" + module + "/")).orElse(false));
    }

    static ArchRule rulesArePlainJava(DescribedPredicate<JavaClass> rules) {
        return noClasses().that(rules)
                .should().dependOnClassesThat(FRAMEWORK_OR_PERSISTENCE)
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("rules are records in, records out: tested and reused without a database");
    }

    static ArchRule webServesHttpOnly(DescribedPredicate<JavaClass> web) {
        return noClasses().that(web)
                .should().dependOnClassesThat(SQL_OR_REPOSITORIES)
                .because("a controller calls one application service in crm-domain or crm-scoring");
    }

    /**
     * A feature's pages, forms and controllers ({@code <feature>.web}) are its own: another
     * feature reaches it through its application services, never through its web classes.
     */
    static ArchRule featuresKeepTheirWebToThemselves(String featureWebPattern) {
        return slices().matching(featureWebPattern).should().notDependOnEachOther();
    }

    /**
     * A table's writer ({@code *Store}, {@code *Stage}) is internal to its feature: others change
     * that table through the feature's application service, which guards its invariants and audits.
     */
    static ArchRule tableWritersStayInsideTheirFeature(DescribedPredicate<JavaClass> classes) {
        return classes().that(classes.and(TABLE_WRITERS)).should().notBePublic();
    }

    static ArchRule packagesAreFreeOfCycles(String packagePattern) {
        return slices().matching(packagePattern).should().beFreeOfCycles();
    }

    /** Lower modules never see higher ones: crm-app → crm-web → crm-scoring → crm-domain. */
    static ArchRule lowerModulesDoNotSeeHigherOnes(DescribedPredicate<JavaClass> lower,
            DescribedPredicate<JavaClass> higher) {
        return noClasses().that(lower).should().dependOnClassesThat(higher);
    }
}
