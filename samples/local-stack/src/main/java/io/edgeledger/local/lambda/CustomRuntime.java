package io.edgeledger.local.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Lambda's OS-only runtime (provided.al2023): it runs {@code bootstrap} from the task root (or a layer's /opt, which
 * the emulator has none of), and that executable talks to the Runtime API itself. The file must be executable, as
 * the zip's Unix mode says; Lambda answers Runtime.InvalidEntrypoint otherwise, and so does this. Lambda sets no
 * AWS_EXECUTION_ENV for these runtimes.
 *
 * @param runtimeDir what LAMBDA_RUNTIME_DIR points at (/var/runtime on Lambda: nothing the function needs)
 */
record CustomRuntime(Path runtimeDir) implements LambdaRuntime {
    static final String BOOTSTRAP = "bootstrap";

    @Override
    public List<String> command(TemplateFunction function, Path taskRoot) {
        Path bootstrap = taskRoot.resolve(BOOTSTRAP);
        if (!Files.isRegularFile(bootstrap)) {
            throw new FunctionStartException(function.name() + ": Runtime.InvalidEntrypoint: Couldn't find valid bootstrap(s): ["
                    + bootstrap + "] (a " + function.runtime() + " zip carries its runtime as an executable file named bootstrap)");
        }
        if (!Files.isExecutable(bootstrap)) {
            throw new FunctionStartException(function.name() + ": Runtime.InvalidEntrypoint: " + bootstrap
                    + " is not executable (permission denied): zip it with mode 0755");
        }
        return List.of(bootstrap.toString());
    }

    @Override
    public Map<String, String> environment(TemplateFunction function) {
        return Map.of("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
    }
}
