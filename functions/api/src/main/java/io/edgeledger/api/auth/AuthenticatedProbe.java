package io.edgeledger.api.auth;

/** A probe whose request signature checked out. */
public record AuthenticatedProbe(String probeId) {}
