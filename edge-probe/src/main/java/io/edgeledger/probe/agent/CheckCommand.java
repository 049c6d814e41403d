package io.edgeledger.probe.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.custom.CustomChecks;
import io.edgeledger.probe.agent.checks.networkpath.EnginePathTracer;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.CheckConfig;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.runtime.OneShot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edge-probe check NAME [--config DIR]}: runs one check once and prints, as JSON, what it would send. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run one check once and print what it would send (nothing is sent).")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "check name: system, network_path or devlog")
    String name;

    @Option(names = {"-c", "--config"}, paramLabel = "DIR", description = "config directory (default: ${DEFAULT-VALUE})")
    Path config = RunCommand.DEFAULT_CONFIG;

    @Option(names = "--check-rate", description = "run twice, 1 s apart, so rates and CPU have two samples")
    boolean checkRate;

    @Override
    public Integer call() throws InterruptedException {
        CustomChecks custom = CustomChecks.discover(config.resolve(CustomChecks.DIRECTORY), BuiltInChecks.NAMES);
        java.util.Set<String> known = custom.namesWith(BuiltInChecks.NAMES);
        if (!known.contains(name)) {
            System.err.println("edge-probe check: no check named '" + name + "' (known: " + known + ")");
            custom.problems().forEach(p -> System.err.println("edge-probe check: custom check: " + p));
            return 2;
        }
        AgentConfig cfg;
        try {
            cfg = ConfigLoader.load(config, known);
        } catch (ConfigException e) {
            System.err.println("edge-probe check: " + e.getMessage());
            return 2;
        }
        CheckConfig checkConfig = cfg.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (checkConfig == null) {
            System.err.println("edge-probe check: " + name + " is not configured: add "
                    + config.resolve("conf.d").resolve(name + ".d").resolve("conf.yaml"));
            return 2;
        }
        ObjectNode result = new OneShot(cfg, new EnginePathTracer(), Clock.systemUTC(), custom)
                .run(checkConfig, checkRate ? 2 : 1);
        System.out.println(result.toPrettyString());
        return result.path("ok").asBoolean() ? 0 : 1;
    }
}
