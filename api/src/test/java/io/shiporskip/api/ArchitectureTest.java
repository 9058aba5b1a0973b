package io.shiporskip.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of README's "Layout" section, checked on the compiled classes: one package (with its
 * sub-packages) per URL noun, no import cycle between any two packages, and shared plumbing that uses no feature.
 */
class ArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            // Test classes by their folder under any build directory (-Dbuild.dir=…), not only target/test-classes.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.shiporskip.api");

    @Test
    void noPackageCycles() {
        slices().matching("io.shiporskip.api.(**)").should().beFreeOfCycles().check(API);
    }

    @Test
    void plumbingAndConfigurationUseNoFeature() {
        noClasses().that().resideInAnyPackage("io.shiporskip.api.platform..", "io.shiporskip.api.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.shiporskip.api.tool..",
                        "io.shiporskip.api.critic..", "io.shiporskip.api.category..", "io.shiporskip.api.comparison..",
                        "io.shiporskip.api.account..", "io.shiporskip.api.newsletter..", "io.shiporskip.api.digest..",
                        "io.shiporskip.api.feed..", "io.shiporskip.api.demo..", "io.shiporskip.api.page..",
                        "io.shiporskip.api.admin..")
                .check(API);
    }

    @Test
    void toolsDoNotKnowAccounts() {
        // Accounts use tools (bookmarks, the maker claim); tools reach accounts only through MakerAccounts.
        noClasses().that().resideInAPackage("io.shiporskip.api.tool..")
                .should().dependOnClassesThat().resideInAPackage("io.shiporskip.api.account..").check(API);
    }
}
