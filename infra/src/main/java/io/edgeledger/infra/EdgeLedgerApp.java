package io.edgeledger.infra;

import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.artifacts.MissingFunctionZipException;
import io.edgeledger.infra.config.ContextConfigReader;
import io.edgeledger.infra.config.InfraConfig;
import io.edgeledger.infra.config.InfraConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;

/**
 * The CDK app. Run by the CDK CLI (infra/cdk.json; context from -c and cdk.json) or directly with
 * {@code infra/bin/synth stage=prod nearNetwork=testnet} (or {@code mvn exec:java}), which writes the cloud assembly to
 * CDK_OUTDIR or, without it, to the cdk.outdir system property / ./cdk.out. Config and build problems end the
 * run with one clear message and exit code 2, never a stack trace.
 */
public final class EdgeLedgerApp {
    private EdgeLedgerApp() {
    }

    public static void main(String[] args) {
        try {
            App app = App.Builder.create().context(contextArgs(args)).outdir(outdir()).build();
            InfraConfig config = ContextConfigReader.read(app.getNode()::tryGetContext);
            Path repoRoot = FunctionZips.findRepoRoot(Path.of(""));
            EdgeLedgerStacks.create(app, config, FunctionZips.locate(repoRoot, app.getNode()::tryGetContext, config.functions().runtime()));
            app.synth();
        } catch (InfraConfigException | MissingFunctionZipException | IllegalArgumentException e) {
            System.err.println("edgeledger-infra: " + e.getMessage());
            System.exit(2);
        }
    }

    /** key=value arguments become context, like `cdk synth -c key=value`. */
    static Map<String, Object> contextArgs(String[] args) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value (e.g. stage=prod)");
            }
            context.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return context;
    }

    private static String outdir() {
        String fromCli = System.getenv("CDK_OUTDIR");
        if (fromCli != null && !fromCli.isBlank()) {
            return fromCli;
        }
        return System.getProperty("cdk.outdir", "cdk.out");
    }
}
