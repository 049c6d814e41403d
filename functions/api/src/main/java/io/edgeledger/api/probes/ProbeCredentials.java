package io.edgeledger.api.probes;

/** What signature checks need of a probe. {@code toString} leaves the secret out so it cannot reach a log. */
public record ProbeCredentials(String probeId, String secret, boolean active) {
    @Override
    public String toString() {
        return "ProbeCredentials[probeId=" + probeId + ", active=" + active + "]";
    }
}
