package io.edgeledger.api.probeauth;

/**
 * A probe whose request signature checked out, with the value of the key the caller asked to read in the same
 * round trip (an idempotency marker; null when none was asked for or the key is absent).
 */
public record AuthenticatedProbe(String probeId, String read) {}
