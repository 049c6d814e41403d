package io.edgeledger.infra.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.infra.SynthesizedStage;
import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.artifacts.MissingFunctionZipException;
import io.edgeledger.infra.config.ContextConfigReader;
import io.edgeledger.infra.config.FunctionRuntime;
import io.edgeledger.infra.config.InfraConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The JVM path with SnapStart on all three functions (the default), and the native switch. */
class FunctionRuntimeTest {
    private static final List<String> FUNCTIONS = List.of("api", "cdc-batcher", "near-minter");

    private static Template templateOf(SynthesizedStage stage, String function) {
        Stack stack = function.equals("api") ? stage.stacks.api() : stage.stacks.cdc();
        return stage.template(stack);
    }

    @Test
    void byDefaultAllThreeFunctionsAreJava21WithSnapStartOnPublishedVersions() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        for (String f : FUNCTIONS) {
            templateOf(stage, f).hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "edgeledger-dev-" + f, "Runtime", "java21",
                    "Handler", FunctionEnv.QUARKUS_HANDLER_CLASS,
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "JAVA_TOOL_OPTIONS", FunctionEnv.FAST_START_JVM_OPTIONS)))));
        }
        // what invokes them invokes a published version (SnapStart never serves $LATEST)
        assertThat(stage.template(stage.stacks.cdc()).findResources("AWS::Lambda::Alias")).hasSize(2);
        assertThat(stage.template(stage.stacks.api()).findResources("AWS::Lambda::Alias")).hasSize(1);
    }

    @Test
    void functionRuntimeNativeRunsTheBootstrapOnProvidedAl2023WithoutSnapStart() {
        SynthesizedStage stage = SynthesizedStage.with(Map.of("functionRuntime", "native"));
        assertThat(stage.config.functions().runtime()).isEqualTo(FunctionRuntime.NATIVE);
        for (String f : FUNCTIONS) {
            Template t = templateOf(stage, f);
            t.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "edgeledger-dev-" + f, "Runtime", "provided.al2023",
                    "Handler", FunctionEnv.NATIVE_HANDLER,
                    "SnapStart", Match.absent(),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            FunctionEnv.DISABLE_SIGNAL_HANDLERS, "true",
                            FunctionEnv.JAVA_TOOL_OPTIONS, Match.absent())))));
        }
    }

    @Test
    void aJvmZipIsRefusedForNativeAndANativeZipForJvm(@TempDir Path dir) throws Exception {
        SynthesizedStage stage = SynthesizedStage.defaults();
        FunctionZips jvm = stage.zips;
        assertThatThrownBy(() -> jvm.requireRuntime(FunctionRuntime.NATIVE))
                .isInstanceOf(MissingFunctionZipException.class)
                .hasMessageContaining("functionRuntime=native needs native zips").hasMessageContaining("-Dnative");
        Path bootstrapZip = dir.resolve("native.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bootstrapZip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("bootstrap"));
            out.closeEntry();
        }
        FunctionZips nativeZips = new FunctionZips(bootstrapZip, bootstrapZip);
        assertThat(nativeZips.requireRuntime(FunctionRuntime.NATIVE)).isSameAs(nativeZips);
        assertThatThrownBy(() -> nativeZips.requireRuntime(FunctionRuntime.JVM))
                .hasMessageContaining("are native builds").hasMessageContaining("functionRuntime=native");
    }

    @Test
    void snapStartCannotBeAskedForANativeFunction() {
        assertThatThrownBy(() -> ContextConfigReader.read(Map.of("functionRuntime", "native", "snapStart", "true")::get))
                .isInstanceOf(InfraConfigException.class).hasMessageContaining("snapStart=true: SnapStart is for the java21 runtime only");
    }
}
