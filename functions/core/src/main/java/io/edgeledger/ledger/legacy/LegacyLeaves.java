package io.edgeledger.ledger.legacy;

import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.etrap.EtrapLeaf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The etrap-v1 leaf hash of what a verifier has in hand: a row (the JSON object as the change event carried it in
 * {@code after}, or {@code before} for a delete), the whole Debezium event, or a leaf hash. The agent hashed with
 * etrap-sdk's normalisation when the SDK was importable and with its own fallback otherwise (the shared sample's
 * agent did the latter), so both candidates are kept and the batch decides. Input the agent itself would have
 * dropped, or that is not JSON, is an {@link IllegalArgumentException} with a message fit for the user.
 */
public final class LegacyLeaves {
    private LegacyLeaves() {}

    /** The two hashes one row can have; equal when the verifier was given a leaf hash. */
    public record Candidates(String sdk, String legacy) {
        public static Candidates ofHash(String leafHash) {
            String h = leafHash.toLowerCase();
            return new Candidates(h, h);
        }
    }

    public static Candidates ofRow(String rowJson) {
        return new Candidates(EtrapLeaf.rowLeafHash(rowJson), EtrapLeaf.rowLeafHashLegacy(rowJson));
    }

    /**
     * A row or the Debezium event that carried it, told apart by shape: an object with {@code op} and
     * {@code after} or {@code before} is an event, anything else a row.
     */
    public static Candidates ofRowOrEvent(String json) {
        JsonValue parsed;
        try {
            parsed = StrictJsonParser.parsePython(json);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (parsed instanceof JsonObject o && o.has("op") && (o.has("after") || o.has("before"))) {
            return ofDebeziumEvent(json, null);
        }
        return ofRow(json);
    }

    /** {@code valueJson}: the Debezium event (the Redis entry's {@code value}); {@code keyJson}: its key, or null. */
    public static Candidates ofDebeziumEvent(String valueJson, String keyJson) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (keyJson != null) {
            fields.add(Map.entry("key", keyJson));
        }
        fields.add(Map.entry("value", valueJson));
        EtrapLeaf.Result r = EtrapLeaf.fromRedisEntry(fields);
        if (r.skipped() != null) {
            throw new IllegalArgumentException("the ETRAP agent never notarized this event (" + r.skipped() + ")");
        }
        return new Candidates(r.leafHashSdk(), r.leafHashLegacy());
    }
}
