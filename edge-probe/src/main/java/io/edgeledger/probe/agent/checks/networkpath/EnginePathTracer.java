package io.edgeledger.probe.agent.checks.networkpath;

import io.edgeledger.probe.traceroute.TracerouteEngine;
import io.edgeledger.probe.traceroute.TracerouteParams;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.wire.TracerouteSpec;

/** The real tracer: {@link TracerouteEngine} with raw sockets (needs CAP_NET_RAW). */
public final class EnginePathTracer implements PathTracer {
    @Override
    public TracerouteResult trace(TracerouteSpec spec) throws Exception {
        return TracerouteEngine.run(TracerouteParams.of(spec));
    }
}
