package io.edgeledger.wire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The contract module carries Jackson annotations and nothing else of Jackson (no databind, no streaming core), so
 * each side binds it with its own mapper. Read from wire's compiled main classes, not from the test classpath (which
 * has databind for the tests' own mapper).
 */
class WireDependenciesTest {
    @Test
    void theMainClassesUseTheJdkAndJacksonAnnotationsOnly() throws Exception {
        Path classes = Path.of(RawJson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson.annotation..", "io.edgeledger.wire..")
                .check(imported);
    }
}
