package io.edgeledger.probe.agent.checks.networkpath;

import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.wire.TracerouteSpec;

/** The seam between the agent and the traceroute engine: the test to run in, the typed result out. */
@FunctionalInterface
public interface PathTracer {
    TracerouteResult trace(TracerouteSpec spec) throws Exception;
}
