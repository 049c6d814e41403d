package io.edgeledger.infra;

import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.config.ContextConfigReader;
import io.edgeledger.infra.config.InfraConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesized EdgeLedger stage for assertions. Synth is the slow part (the jsii runtime runs the CDK in
 * Node.js), so the default stage is synthesized once per test JVM and shared by the per-stack test classes.
 * The Lambda zips are tiny temporary files so the tests do not depend on the function modules' build.
 */
public final class SynthesizedStage {
    private static SynthesizedStage defaults;

    public final InfraConfig config;
    public final EdgeLedgerStacks stacks;
    public final FunctionZips zips;
    /** Where the cloud assembly is written once a template has been asked for. */
    public final Path outdir;
    private final Map<String, Template> templates = new HashMap<>();

    private SynthesizedStage(Map<String, Object> context) {
        outdir = tempDir("cdk-out");
        App app = App.Builder.create().context(context).outdir(outdir.toString()).build();
        config = ContextConfigReader.read(app.getNode()::tryGetContext);
        Path zipDir = tempDir("zips");
        // a native build's zip holds its executable as `bootstrap`, the API's jvm-aot zip a bootstrap and its JDK
        // (FunctionZips.requireRuntime checks which each is)
        Object runtime = context.get("functionRuntime");
        List<String> api = "native".equals(runtime) ? List.of("bootstrap")
                : "jvm-aot".equals(runtime) ? List.of("bootstrap", "jdk/release") : List.of("README.txt");
        zips = new FunctionZips(tinyZip(zipDir.resolve("api.zip"), "api", api.toArray(String[]::new)),
                tinyZip(zipDir.resolve("cdc.zip"), "cdc", "native".equals(runtime) ? "bootstrap" : "README.txt"));
        stacks = EdgeLedgerStacks.create(app, config, zips);
    }

    /** The stage with every context value at its default. */
    public static synchronized SynthesizedStage defaults() {
        if (defaults == null) {
            defaults = new SynthesizedStage(Map.of());
        }
        return defaults;
    }

    public static SynthesizedStage with(Map<String, Object> context) {
        return new SynthesizedStage(context);
    }

    public synchronized Template template(Stack stack) {
        return templates.computeIfAbsent(stack.getStackName(), name -> Template.fromStack(stack));
    }

    public List<Stack> allStacks() {
        return List.of(stacks.network(), stacks.state(), stacks.api(), stacks.cdc(), stacks.monitoring());
    }

    static Path tinyZip(Path file, String marker) {
        return tinyZip(file, marker, "README.txt");
    }

    /** A zip of stand-in entries; {@code jdk/release} names an x86_64 JDK 25, as a jvm-aot build's does. */
    public static Path tinyZip(Path file, String marker, String... entries) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write((entry.equals("jdk/release") ? "JAVA_VERSION=\"25.0.3\"\nOS_ARCH=\"x86_64\"\nOS_NAME=\"Linux\"\n"
                        : "stand-in for functions/" + marker + "/target/function.zip").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary directory removed with its contents when the test JVM exits (synth copies assets into it). */
    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory("edgeledger-infra-" + prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp dir is harmless
        }
    }
}
