package io.shiporskip.badge;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No import cycle between any two packages of badge-service. */
class ArchitectureTest {

    private static final JavaClasses BADGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.shiporskip.badge");

    @Test
    void noPackageCycles() {
        slices().matching("io.shiporskip.badge.(**)").should().beFreeOfCycles().check(BADGE);
    }
}
