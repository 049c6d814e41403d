package io.edgeledger.probe.agent.check;

import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.time.Duration;
import java.util.List;

/**
 * One configured instance of a check (Datadog's pkg/collector/check): the scheduler asks it to {@link #run} every
 * {@link #interval}; a run longer than {@link #timeout} is {@link #cancel}led. {@link #id} is stable across restarts
 * for the same name and configuration.
 *
 * <p>This is the public API for custom checks: a jar in {@code checks.d/} lists its implementations in
 * {@code META-INF/services/io.edgeledger.probe.agent.check.Check} (public no-argument constructor; one instance is
 * made per configured instance). {@link BaseCheck} reads the common settings; {@link Sender} is what a run reports
 * through. Example: {@code samples/custom-check/}.
 */
public interface Check {
    String name();

    String id();

    /** Reads the instance; a {@link ConfigException} disables this instance only. */
    void configure(ConfigNode initConfig, ConfigNode instance) throws ConfigException;

    /** One collection; throwing reports the run as an error. Must stop promptly when interrupted or cancelled. */
    void run(Sender sender) throws Exception;

    /** Asks a running {@link #run} to stop; called from another thread. */
    void cancel();

    Duration interval();

    Duration timeout();

    /** Instance tags added to everything this check sends. */
    List<String> tags();

    /** Warnings from configuration and from the last run, shown by {@code edge-probe status}. */
    List<String> warnings();
}
