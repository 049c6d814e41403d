package io.edgeledger.probe.devlog.source;

/** Reads one log file. Append-only JSONL files are tailed line by line; everything else is re-read whole. */
public sealed interface FileParser permits LineParser, SnapshotParser {}
