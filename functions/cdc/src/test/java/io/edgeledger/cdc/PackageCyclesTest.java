package io.edgeledger.cdc;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Reads the compiled classes of functions/cdc and fails on any dependency cycle between its packages. */
class PackageCyclesTest {
    @Test
    void noPackageDependsOnItselfThroughOthers() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.edgeledger.cdc");
        // "(**)" captures the whole package name after io.edgeledger, so each package is a slice of its own.
        slices().matching("io.edgeledger.(**)").should().beFreeOfCycles().check(classes);
    }
}
