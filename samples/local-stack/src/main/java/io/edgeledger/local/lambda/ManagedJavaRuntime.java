package io.edgeledger.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * What AWS's managed java21 runtime adds to a function: the runtime interface client
 * (com.amazonaws:aws-lambda-java-runtime-interface-client with aws-lambda-java-core and -serialization) on the
 * system classpath, its JNI library unpacked once (the runtime passes its path, as /var/runtime/lib does), and the
 * JVM flags the managed runtime launches with (as observed on Lambda: heap 85 % of the memory, serial GC, C1 only,
 * org.crac bound to the runtime's CRaC context, the JNI library path). The function's zip is not on the classpath: the client loads it from the task
 * root (the working directory) and its lib/ with its own class loader, as on Lambda.
 *
 * @param libDir the jars (samples/local-stack/target/lambda-runtime, filled by the Maven build)
 * @param java   the java launcher (Lambda runs Corretto 21; here the JDK ./edgeledger selects, 21 or later)
 */
record ManagedJavaRuntime(Path libDir, Path java) implements LambdaRuntime {
    static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String JNI_LIB = "jni/libaws-lambda-jni.linux-x86_64.so";

    static ManagedJavaRuntime at(Path libDir) {
        if (!Files.isDirectory(libDir) || jars(libDir).isEmpty()) {
            throw new IllegalArgumentException("no Lambda runtime interface client in " + libDir
                    + ": build samples/local-stack (./mvnw -pl samples/local-stack -am package)");
        }
        return new ManagedJavaRuntime(libDir, Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** The java command, the handler as the client's argument. */
    @Override
    public List<String> command(TemplateFunction function, Path taskRoot) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-XX:MaxHeapSize=" + function.memoryMb() * 1024 * 85 / 100 + "k");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.add("-XX:+TieredCompilation");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        // org.crac in the function's zip finds the runtime's CRaC context here: SnapStart's hooks (Quarkus' priming)
        cmd.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        cmd.add("-XX:+ErrorFileToStderr");
        if (Runtime.version().feature() >= 22) {
            // the client loads its JNI library; JDK 22+ warns about that on every start, Corretto 21 does not
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.add("-D" + JNI_PROPERTY + "=" + jniLibrary());
        cmd.add("-cp");
        cmd.add(String.join(":", jars(libDir).stream().map(Path::toString).toList()));
        cmd.add(MAIN);
        cmd.add(function.handler());
        return cmd;
    }

    @Override
    public Map<String, String> environment(TemplateFunction function) {
        return Map.of("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime(), "LAMBDA_RUNTIME_DIR", libDir.toString());
    }

    /** Unpacked once beside the jars: the client's own fallback writes one shared /tmp file, which races across JVMs. */
    private synchronized Path jniLibrary() {
        Path target = libDir.resolve("libaws-lambda-jni.so");
        if (Files.exists(target)) {
            return target;
        }
        for (Path jar : jars(libDir)) {
            try (JarFile jf = new JarFile(jar.toFile())) {
                ZipEntry entry = jf.getEntry(JNI_LIB);
                if (entry != null) {
                    Path tmp = Files.createTempFile(libDir, "jni", ".so");
                    try (InputStream in = jf.getInputStream(entry)) {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("no " + JNI_LIB + " in the runtime interface client jars in " + libDir);
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
