package io.edgeledger.probe.agent.checks.networkpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.traceroute.Protocol;
import io.edgeledger.probe.traceroute.TcpMethod;
import io.edgeledger.probe.traceroute.TracerouteEngine;
import io.edgeledger.probe.traceroute.TracerouteParams;
import io.edgeledger.wire.WireJson;

/** The real tracer: {@link TracerouteEngine} with raw sockets (needs CAP_NET_RAW). */
public final class EnginePathTracer implements PathTracer {
    @Override
    public JsonNode trace(PathParams p) throws Exception {
        TracerouteParams d = TracerouteParams.defaults(p.hostname());
        TracerouteParams params = new TracerouteParams(p.hostname(), Protocol.parse(p.protocol()), p.port(),
                p.tracerouteQueries(), p.maxTtl(), p.timeoutMillis(), TcpMethod.parse(p.tcpMethod()), p.e2eQueries(),
                p.ipv6(), p.reverseDns(), false, p.skipPrivateHops(), null, d.adaptiveWait(), d.sendDelayMillis(),
                d.e2eIntervalMillis(), d.publicIpEndpoints());
        return WireJson.mapper().readTree(TracerouteEngine.run(params).toJson());
    }
}
