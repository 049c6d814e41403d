package io.edgeledger.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Fails when the compiled main classes of one module have a package cycle: every package is its own slice, so
 * {@code a -> b -> a} fails whatever the depth. Reads the class files of the module that holds {@code anyMainClass}
 * (its output folder), not the classpath, so each module answers for its own packages.
 */
public final class PackageCycles {
    private PackageCycles() {}

    public static void assertNone(Class<?> anyMainClass) {
        Path classes;
        try {
            classes = Path.of(anyMainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anyMainClass, e);
        }
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        if (imported.isEmpty()) {
            throw new IllegalStateException("no classes under " + classes);
        }
        slices().matching("io.edgeledger.(**)").should().beFreeOfCycles().check(imported);
    }
}
