package io.edgeledger.infra.artifacts;

import io.edgeledger.infra.config.FunctionRuntime;
import java.io.IOException;
import java.util.zip.ZipFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Lambda deployment packages the Quarkus plugin builds: {@code functions/api/target/function.zip} and
 * {@code functions/cdc/target/function.zip}. They are deployed as CDK file assets as they are: synth never
 * builds or bundles (no Docker, no network).
 */
public record FunctionZips(Path api, Path cdc) {
    /** Context keys that point at other zips, e.g. ones built into another target directory. */
    public static final String API_ZIP = "apiZip";
    public static final String CDC_ZIP = "cdcZip";

    /** The default zips under {@code repoRoot}, or the paths given in context (relative to the working dir). */
    public static FunctionZips locate(Path repoRoot, Function<String, Object> context) {
        return new FunctionZips(
                pick(context.apply(API_ZIP), repoRoot.resolve("functions/api/target/function.zip")),
                pick(context.apply(CDC_ZIP), repoRoot.resolve("functions/cdc/target/function.zip")));
    }

    /**
     * The repository root: the nearest directory at or above {@code start} holding {@code functions/} and
     * {@code infra/}, so synth works from the repo root (mvn exec:java) and from infra/ (cdk CLI) alike.
     */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        return start.toAbsolutePath().normalize();
    }

    /** @throws MissingFunctionZipException naming every missing zip and the command that builds them */
    public FunctionZips requireBuilt() {
        List<String> missing = new ArrayList<>();
        for (Path zip : List.of(api, cdc)) {
            if (!Files.isRegularFile(zip)) {
                missing.add(zip.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingFunctionZipException("Lambda package not built: " + String.join(", ", missing)
                    + ". Run `./edgeledger build` at the repository root first (it builds both function.zip files), "
                    + "then synth again.");
        }
        return this;
    }

    /**
     * A native build (provided.al2023) has its executable as {@code bootstrap} at the zip's root; a JVM build has none.
     *
     * @throws MissingFunctionZipException when a zip was built for the other runtime, naming the build command
     */
    public FunctionZips requireRuntime(FunctionRuntime runtime) {
        List<String> wrong = new ArrayList<>();
        for (Path zip : List.of(api, cdc)) {
            boolean hasBootstrap;
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                hasBootstrap = zf.getEntry("bootstrap") != null;
            } catch (IOException e) {
                throw new MissingFunctionZipException("cannot read " + zip + ": " + e.getMessage());
            }
            if (hasBootstrap != (runtime == FunctionRuntime.NATIVE)) {
                wrong.add(zip.toString());
            }
        }
        if (!wrong.isEmpty()) {
            throw new MissingFunctionZipException(runtime == FunctionRuntime.NATIVE
                    ? "functionRuntime=native needs native zips (a `bootstrap` executable): " + String.join(", ", wrong)
                    + " are JVM builds. Build with `./mvnw -pl functions/api,functions/cdc -am package -Dnative` (Docker or "
                    + "Podman), or synth without -c functionRuntime=native."
                    : String.join(", ", wrong) + " are native builds (they hold `bootstrap`): synth with -c functionRuntime=native, "
                    + "or rebuild the JVM zips with `./edgeledger build`.");
        }
        return this;
    }

    private static Path pick(Object override, Path fallback) {
        return override == null || override.toString().isBlank() ? fallback : Path.of(override.toString());
    }
}
