package io.edgeledger.debezium;

import io.edgeledger.json.JsonObject;

/**
 * The envelope's {@code source} block: where the change happened. {@code schema} is null for
 * databases without schemas (MySQL). {@code tsMs} (commit time in the database) is null when absent.
 */
public record Source(String db, String schema, String table, Long tsMs, String connector, String snapshot, JsonObject raw) {

    /** Table name inside the database: {@code schema.table} when there is a schema (public.orders), else table. */
    public String qualifiedTable() {
        return schema != null ? schema + "." + table : table;
    }

    /** The leaf-v2 table: {@code db.schema.table} or {@code db.table}. */
    public String fullTable() {
        return db + "." + qualifiedTable();
    }
}
