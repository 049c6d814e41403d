package io.edgeledger.debezium;

/** A null value (Kafka log-compaction tombstone). The key text is kept as delivered, unexamined. */
public record Tombstone(String keyText) implements ParsedRecord {
}
