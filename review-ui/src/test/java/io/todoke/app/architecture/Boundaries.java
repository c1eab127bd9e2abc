package io.todoke.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep the modules apart, written over a root package so that the test's own fixture can show each
 * rule failing on a deliberate violation.
 */
final class Boundaries {

    private Boundaries() {
    }

    /** The OCR engine is a plain Java library: no framework, no database, no search cluster. */
    static ArchRule engineKnowsNoFramework(String engine) {
        return noClasses().that().resideInAPackage(engine + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
                        "java.sql..", "javax.sql..", "co.elastic..", "org.elasticsearch..", "jakarta.servlet..")
                .because("the engine runs in the CLI and benchmarks without Spring, Camel, a database or Elasticsearch");
    }

    /** Outside the engine, only its root package (the public API) is used. */
    static ArchRule othersUseOnlyTheEngineApi(String root, String engine) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(engine + "..")
                .should().dependOnClassesThat().resideInAPackage(engine + ".*..")
                .because("the engine's internals change without notice; its API is its root package");
    }

    /** Within each module, no two feature packages depend on each other, directly or around a loop. */
    static ArchRule noCyclesBetweenFeaturePackages(String root) {
        return slices().matching(root + ".(*).(*)..").namingSlices("$1.$2")
                .should().beFreeOfCycles();
    }
}
