package io.edgeledger.probe.agent;

import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.custom.CustomChecks;
import io.edgeledger.probe.agent.checks.networkpath.EnginePathTracer;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.runtime.Agent;
import io.edgeledger.probe.forwarder.ForwarderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edge-probe run --config DIR}: the agent daemon, until SIGTERM (which flushes to the spool first). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent: scheduled checks, DogStatsD, devlog, signed forwarding.")
public final class RunCommand implements Callable<Integer> {
    public static final Path DEFAULT_CONFIG = Path.of("/etc/edge-probe");

    @Option(names = {"-c", "--config"}, paramLabel = "DIR",
            description = "config directory with edge-probe.yaml and conf.d/ (default: ${DEFAULT-VALUE})")
    Path config = DEFAULT_CONFIG;

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig cfg;
        Agent agent;
        try {
            CustomChecks custom = CustomChecks.discover(config.resolve(CustomChecks.DIRECTORY), BuiltInChecks.NAMES);
            cfg = ConfigLoader.load(config, custom.namesWith(BuiltInChecks.NAMES));
            agent = new Agent(cfg, new EnginePathTracer(), Clock.systemUTC(), custom).start();
        } catch (ConfigException e) {
            System.err.println("edge-probe run: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException | ForwarderException e) {
            System.err.println("edge-probe run: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close();
            } catch (IOException e) {
                System.err.println("edge-probe run: shutdown: " + e.getMessage());
            }
            stopped.countDown();
        }, "shutdown"));
        System.err.println("edge-probe run: started (status: edge-probe status"
                + (agent.healthPort() > 0 ? ", http://127.0.0.1:" + agent.healthPort() + "/status" : "") + ")");
        stopped.await();
        return 0;
    }
}
