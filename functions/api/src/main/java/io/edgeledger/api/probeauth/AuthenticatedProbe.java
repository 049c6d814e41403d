package io.edgeledger.api.probeauth;

/** A probe whose request signature checked out. */
public record AuthenticatedProbe(String probeId) {}
