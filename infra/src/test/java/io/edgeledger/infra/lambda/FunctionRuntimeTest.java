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

/** The JVM path with SnapStart on all three functions (the default), the API's custom runtime (jvm-aot), and the native switch. */
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
    void functionRuntimeJvmAotPutsTheApiOnProvidedAl2023WithItsJdksArchitectureAndLeavesTheCdcOnJava21() {
        SynthesizedStage stage = SynthesizedStage.with(Map.of("functionRuntime", "jvm-aot"));
        assertThat(stage.config.functions().runtime()).isEqualTo(FunctionRuntime.JVM_AOT);
        // the bootstrap gives the runtime interface client the handler; its own flags, so no JAVA_TOOL_OPTIONS
        templateOf(stage, "api").hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "edgeledger-dev-api", "Runtime", "provided.al2023",
                "Handler", FunctionEnv.QUARKUS_HANDLER_CLASS,
                "Architectures", List.of("x86_64"),
                "SnapStart", Match.absent(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        FunctionEnv.JAVA_TOOL_OPTIONS, Match.absent(),
                        FunctionEnv.DISABLE_SIGNAL_HANDLERS, Match.absent(),
                        "EDGELEDGER_REDIS_URL", Match.anyValue())))));
        for (String f : List.of("cdc-batcher", "near-minter")) {
            templateOf(stage, f).hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "edgeledger-dev-" + f, "Runtime", "java21",
                    "Architectures", List.of("arm64"),
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        }
    }

    @Test
    void theApisArchitectureUnderJvmAotIsTheOneOfTheJdkInItsZip(@TempDir Path dir) throws Exception {
        Path cdc = SynthesizedStage.tinyZip(dir.resolve("cdc.zip"), "cdc", "README.txt");
        assertThat(new FunctionZips(aotZip(dir.resolve("arm.zip"), "aarch64"), cdc).apiJdkArchitecture()).isEqualTo("arm64");
        assertThat(new FunctionZips(aotZip(dir.resolve("x86.zip"), "x86_64"), cdc).apiJdkArchitecture()).isEqualTo("x86_64");
        assertThatThrownBy(() -> new FunctionZips(aotZip(dir.resolve("ppc.zip"), "ppc64le"), cdc).apiJdkArchitecture())
                .isInstanceOf(MissingFunctionZipException.class).hasMessageContaining("'ppc64le'").hasMessageContaining("x86_64 or arm64");
    }

    @Test
    void theWrongZipForJvmAotNamesTheBuildThatMakesTheRightOne(@TempDir Path dir) throws Exception {
        Path jvm = SynthesizedStage.tinyZip(dir.resolve("jvm.zip"), "api", "README.txt");
        Path aot = aotZip(dir.resolve("aot.zip"), "x86_64");
        assertThatThrownBy(() -> new FunctionZips(jvm, jvm).requireRuntime(FunctionRuntime.JVM_AOT))
                .isInstanceOf(MissingFunctionZipException.class).hasMessageContaining("functionRuntime=jvm-aot")
                .hasMessageContaining("a JVM build").hasMessageContaining("-Dlambda-aot");
        assertThatThrownBy(() -> new FunctionZips(aot, aot).requireRuntime(FunctionRuntime.JVM_AOT))
                .as("the CDC stays a JVM build").hasMessageContaining("aot.zip is a jvm-aot build");
        assertThatThrownBy(() -> new FunctionZips(aot, jvm).requireRuntime(FunctionRuntime.JVM))
                .hasMessageContaining("a jvm-aot build").hasMessageContaining("./edgeledger build");
        FunctionZips right = new FunctionZips(aot, jvm);
        assertThat(right.requireRuntime(FunctionRuntime.JVM_AOT)).isSameAs(right);
    }

    /** What -Dlambda-aot builds, in miniature: a bootstrap and a JDK whose release file names its architecture. */
    private static Path aotZip(Path file, String osArch) throws Exception {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new java.util.zip.ZipEntry("bootstrap"));
            out.closeEntry();
            out.putNextEntry(new java.util.zip.ZipEntry("jdk/release"));
            out.write(("JAVA_VERSION=\"25.0.3\"\nOS_ARCH=\"" + osArch + "\"\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return file;
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
                .hasMessageContaining("is a native build").hasMessageContaining("-c functionRuntime");
    }

    @Test
    void snapStartCannotBeAskedForANativeFunction() {
        assertThatThrownBy(() -> ContextConfigReader.read(Map.of("functionRuntime", "native", "snapStart", "true")::get))
                .isInstanceOf(InfraConfigException.class).hasMessageContaining("snapStart=true: SnapStart is for the java21 runtime only");
    }
}
