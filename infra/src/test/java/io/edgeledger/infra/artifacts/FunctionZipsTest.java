package io.edgeledger.infra.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.infra.EdgeLedgerStacks;
import io.edgeledger.infra.config.ContextConfigReader;
import io.edgeledger.infra.config.FunctionRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

class FunctionZipsTest {
    @TempDir
    Path repo;

    @Test
    void defaultsAreTheQuarkusBuildOutputsUnderTheRepoRoot() throws IOException {
        Files.createDirectories(repo.resolve("functions/api"));
        Files.createDirectories(repo.resolve("infra/src"));
        assertThat(FunctionZips.findRepoRoot(repo.resolve("infra/src"))).isEqualTo(repo.toAbsolutePath());

        FunctionZips zips = FunctionZips.locate(repo, Map.<String, Object>of()::get, FunctionRuntime.JVM);
        assertThat(zips.api()).isEqualTo(repo.resolve("functions/api/target/function.zip"));
        assertThat(zips.cdc()).isEqualTo(repo.resolve("functions/cdc/target/function.zip"));
        // the API's custom-runtime build for -c functionRuntime=jvm-aot (the CDC's stays the JVM zip)
        FunctionZips aot = FunctionZips.locate(repo, Map.<String, Object>of()::get, FunctionRuntime.JVM_AOT);
        assertThat(aot.api()).isEqualTo(repo.resolve("functions/api/target/function-aot.zip"));
        assertThat(aot.cdc()).isEqualTo(zips.cdc());
        assertThatThrownBy(aot::requireBuilt).hasMessageContaining("function-aot.zip").hasMessageContaining("-Dlambda-aot");
    }

    @Test
    void contextOverridesTheZipPaths() {
        FunctionZips zips = FunctionZips.locate(repo, Map.<String, Object>of(
                "apiZip", "/builds/api.zip", "cdcZip", "/builds/cdc.zip")::get, FunctionRuntime.JVM_AOT);
        assertThat(zips).isEqualTo(new FunctionZips(Path.of("/builds/api.zip"), Path.of("/builds/cdc.zip")));
    }

    @Test
    void missingZipsFailWithTheBuildCommand() throws IOException {
        Path api = Files.createDirectories(repo.resolve("functions/api/target")).resolve("function.zip");
        Files.write(api, new byte[] {1});
        FunctionZips zips = FunctionZips.locate(repo, Map.<String, Object>of()::get, FunctionRuntime.JVM);

        assertThatThrownBy(zips::requireBuilt)
                .isInstanceOf(MissingFunctionZipException.class)
                .hasMessageContaining("functions/cdc/target/function.zip")
                .hasMessageNotContaining("functions/api/target/function.zip")
                .hasMessageContaining("Run `./edgeledger build`");
    }

    @Test
    void synthStopsBeforeBuildingStacksWhenAZipIsMissing() {
        App app = App.Builder.create().build();
        FunctionZips zips = FunctionZips.locate(repo, Map.<String, Object>of()::get, FunctionRuntime.JVM);
        assertThatThrownBy(() -> EdgeLedgerStacks.create(app, ContextConfigReader.read(k -> null), zips))
                .isInstanceOf(MissingFunctionZipException.class)
                .hasMessageContaining("./edgeledger build");
        assertThat(app.getNode().getChildren()).isEmpty();
    }
}
