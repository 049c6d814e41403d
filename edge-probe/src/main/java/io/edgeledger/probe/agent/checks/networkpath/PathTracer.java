package io.edgeledger.probe.agent.checks.networkpath;

import com.fasterxml.jackson.databind.JsonNode;

/** The seam between the agent and the traceroute engine: params in, the JSON result of DESIGN.md 2.1 out. */
@FunctionalInterface
public interface PathTracer {
    JsonNode trace(PathParams params) throws Exception;
}
