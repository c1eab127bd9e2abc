package io.todoke.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module boundaries of the whole product (every module's main classes), and the rules shown to bite. */
class ArchitectureTest {

    /** Main classes only: neither this module's tests nor another module's test-jar. */
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.todoke");

    private static final String FIXTURE = "io.todoke.app.architecture.fixture";
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void theProductIsImportedFromEveryModule() {
        assertThat(PRODUCT.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("ocr", "store", "search", "intake", "app");
    }

    @Test
    void theApplicationCarriesNoToolsAndNoTestNode() {
        assertThat(PRODUCT.stream().map(c -> c.getName()))
                .noneMatch(n -> n.startsWith("io.todoke.tools."))
                .doesNotContain("io.todoke.search.TestElasticsearch");
    }

    @Test
    void theEngineKnowsNothingOfSpringCamelJdbcOrElasticsearch() {
        Boundaries.engineKnowsNoFramework("io.todoke.ocr").check(PRODUCT);
    }

    @Test
    void theOtherModulesReachTheEngineThroughItsApiOnly() {
        Boundaries.othersUseOnlyTheEngineApi("io.todoke", "io.todoke.ocr").check(PRODUCT);
    }

    @Test
    void noModuleHasACycleBetweenItsFeaturePackages() {
        Boundaries.noCyclesBetweenFeaturePackages("io.todoke").check(PRODUCT);
    }

    @Test
    void eachRuleFailsOnTheFixturesDeliberateViolation() {
        assertThatThrownBy(() -> Boundaries.engineKnowsNoFramework(FIXTURE + ".engine").check(VIOLATIONS))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SpringAwareStep");
        assertThatThrownBy(() -> Boundaries.othersUseOnlyTheEngineApi(FIXTURE, FIXTURE + ".engine").check(VIOLATIONS))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PageController");
        assertThatThrownBy(() -> Boundaries.noCyclesBetweenFeaturePackages(FIXTURE)
                .check(VIOLATIONS))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }
}
