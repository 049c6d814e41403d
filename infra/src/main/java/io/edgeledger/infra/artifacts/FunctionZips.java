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
 * The Lambda deployment packages the build makes: {@code functions/api/target/function.zip} (or, for jvm-aot,
 * {@code function-aot.zip}) and {@code functions/cdc/target/function.zip}. They are deployed as CDK file assets as
 * they are: synth never builds or bundles (no Docker, no network).
 */
public record FunctionZips(Path api, Path cdc) {
    /** Context keys that point at other zips, e.g. ones built into another target directory. */
    public static final String API_ZIP = "apiZip";
    public static final String CDC_ZIP = "cdcZip";

    /** The API's zip for {@code -c functionRuntime=jvm-aot} (functions/api {@code -Dlambda-aot}). */
    public static final String API_AOT_ZIP = "function-aot.zip";

    /**
     * The default zips under {@code repoRoot} for {@code runtime} (jvm-aot: the API's custom-runtime zip), or the paths
     * given in context (relative to the working dir).
     */
    public static FunctionZips locate(Path repoRoot, Function<String, Object> context, FunctionRuntime runtime) {
        String api = runtime == FunctionRuntime.JVM_AOT ? API_AOT_ZIP : "function.zip";
        return new FunctionZips(
                pick(context.apply(API_ZIP), repoRoot.resolve("functions/api/target/" + api)),
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
            String aot = missing.stream().anyMatch(m -> m.endsWith(API_AOT_ZIP))
                    ? " The API's custom-runtime zip (-c functionRuntime=jvm-aot) is built by `./mvnw -pl functions/api -am package "
                    + "-Dlambda-aot` (JDK 25)." : "";
            throw new MissingFunctionZipException("Lambda package not built: " + String.join(", ", missing)
                    + ". Run `./edgeledger build` at the repository root first (it builds both function.zip files), "
                    + "then synth again." + aot);
        }
        return this;
    }

    /**
     * Each zip fits the runtime it is deployed on: a JVM build has no {@code bootstrap}; a native build has its
     * executable as {@code bootstrap} at the zip's root; the API's jvm-aot zip has a {@code bootstrap} and its own JDK
     * ({@code jdk/release}); with jvm-aot the CDC zips stay JVM builds.
     *
     * @throws MissingFunctionZipException when a zip was built for another runtime, naming the build command
     */
    public FunctionZips requireRuntime(FunctionRuntime runtime) {
        List<String> wrong = new ArrayList<>();
        if (kind(api) != runtime) {
            wrong.add(api + " is " + describe(kind(api)));
        }
        if (kind(cdc) != runtime.forCdc()) {
            wrong.add(cdc + " is " + describe(kind(cdc)));
        }
        if (!wrong.isEmpty()) {
            throw new MissingFunctionZipException("functionRuntime=" + runtime.id() + " needs " + needs(runtime) + ", but "
                    + String.join("; ", wrong) + ". " + how(runtime));
        }
        return this;
    }

    /**
     * The Lambda architecture of the JDK in the API's jvm-aot zip ({@code OS_ARCH} of its {@code jdk/release}): the
     * function must run on the architecture its JDK and AOT cache were built for.
     */
    public String apiJdkArchitecture() {
        String release = entryText(api, JDK_RELEASE);
        if (release == null) {
            throw new MissingFunctionZipException(api + " has no " + JDK_RELEASE + ": not a jvm-aot zip");
        }
        java.util.regex.Matcher arch = java.util.regex.Pattern.compile("(?m)^OS_ARCH=\"?([^\"\n]+)\"?").matcher(release);
        String os = arch.find() ? arch.group(1).trim() : "";
        return switch (os) {
            case "x86_64", "amd64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new MissingFunctionZipException(api + ": its JDK is built for '" + os
                    + "', and Lambda runs x86_64 or arm64 only");
        };
    }

    private static final String JDK_RELEASE = "jdk/release";

    private static FunctionRuntime kind(Path zip) {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            if (zf.getEntry("bootstrap") == null) {
                return FunctionRuntime.JVM;
            }
            return zf.getEntry(JDK_RELEASE) != null ? FunctionRuntime.JVM_AOT : FunctionRuntime.NATIVE;
        } catch (IOException e) {
            throw new MissingFunctionZipException("cannot read " + zip + ": " + e.getMessage());
        }
    }

    private static String entryText(Path zip, String name) {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            var entry = zf.getEntry(name);
            return entry == null ? null : new String(zf.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MissingFunctionZipException("cannot read " + zip + ": " + e.getMessage());
        }
    }

    private static String describe(FunctionRuntime kind) {
        return switch (kind) {
            case JVM -> "a JVM build (no bootstrap)";
            case JVM_AOT -> "a jvm-aot build (bootstrap and jdk/)";
            case NATIVE -> "a native build (a bootstrap executable)";
        };
    }

    private static String needs(FunctionRuntime runtime) {
        return switch (runtime) {
            case JVM -> "the JVM zips (no bootstrap)";
            case JVM_AOT -> "the API's custom-runtime zip (bootstrap and jdk/) and the CDC's JVM zip";
            case NATIVE -> "native zips (a bootstrap executable)";
        };
    }

    private static String how(FunctionRuntime runtime) {
        return switch (runtime) {
            case JVM -> "Rebuild the JVM zips with `./edgeledger build`, or synth with the -c functionRuntime the zips were built for.";
            case JVM_AOT -> "Build the API's with `./mvnw -pl functions/api -am package -Dlambda-aot` (JDK 25; it writes "
                    + "functions/api/target/" + API_AOT_ZIP + "), the CDC's with `./edgeledger build`.";
            case NATIVE -> "Build with `./mvnw -pl functions/api,functions/cdc -am package -Dnative` (Docker or Podman), or "
                    + "synth without -c functionRuntime=native.";
        };
    }

    private static Path pick(Object override, Path fallback) {
        return override == null || override.toString().isBlank() ? fallback : Path.of(override.toString());
    }
}
