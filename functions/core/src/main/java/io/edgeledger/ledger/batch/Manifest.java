package io.edgeledger.ledger.batch;

import java.util.Map;

/**
 * A batch's {@code manifest.json} (docs/ledger-manifest.md): what the batch is, where its objects are
 * and their SHA-256, and its mint state. Written last among the batch objects, so a manifest implies
 * complete objects. {@code objects} maps object name (relative to the prefix) to its SHA-256 hex.
 */
public record Manifest(String batchId, String scheme, String leafScheme, String database, String table, String stream,
        String firstEntryId, String lastEntryId, String root, long leafCount, long entryCount,
        OperationCounts operationCounts, Long firstTimestampMs, Long lastTimestampMs, String sealedAt, long sizeBytes,
        String s3Bucket, String s3Prefix, Map<String, String> objects, Mint mint) {

    public Manifest {
        objects = Map.copyOf(objects);
    }

    public Manifest withMint(Mint newMint) {
        return new Manifest(batchId, scheme, leafScheme, database, table, stream, firstEntryId, lastEntryId, root, leafCount,
                entryCount, operationCounts, firstTimestampMs, lastTimestampMs, sealedAt, sizeBytes, s3Bucket, s3Prefix, objects, newMint);
    }

    /** S3 prefix of a batch: {@code <database>/<table>/<batch_id>/}. */
    public static String prefix(String database, String table, String batchId) {
        return database + "/" + table + "/" + batchId + "/";
    }

    /** Key of the manifest object. */
    public String manifestKey() {
        return s3Prefix + BatchObjects.MANIFEST;
    }
}
