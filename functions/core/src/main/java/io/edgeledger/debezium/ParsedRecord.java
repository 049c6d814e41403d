package io.edgeledger.debezium;

/** What a Debezium record is: a change event, or a tombstone (null value, sent after deletes for compaction). */
public sealed interface ParsedRecord permits ChangeEvent, Tombstone {
}
