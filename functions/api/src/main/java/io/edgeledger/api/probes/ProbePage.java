package io.edgeledger.api.probes;

import java.util.List;

/** One page of probes by id; {@code nextCursor} is the last id of the page, null on the last page. */
public record ProbePage(List<Probe> probes, String nextCursor) {}
