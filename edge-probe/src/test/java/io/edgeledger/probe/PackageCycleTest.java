package io.edgeledger.probe;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of edge-probe depends, directly or through others, on a package that depends back on it:
 * one slice per package (the root package included), read from the compiled classes.
 */
class PackageCycleTest {
    @Test
    void noPackageCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.edgeledger.probe");
        slices().matching("io.edgeledger.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }
}
