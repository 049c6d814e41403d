package io.edgeledger.cdc.keyspace;

import io.edgeledger.cdc.streams.EntryId;

/** An entry that yields no leaf because it is broken; it goes to {@code <stream>:dead} with this error. */
public record Poison(EntryId id, String code, String message) {}
