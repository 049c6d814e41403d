package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notary contract (marcoeg/etrap-notary) as far as EdgeLedger uses it: {@code mint_batch} (panics on an
 * existing token id or a deposit below the 4 kB storage estimate) and the views {@code nft_token},
 * {@code nft_tokens}, {@code nft_total_supply}, {@code get_batch_summary}. Mutated under the state lock.
 */
final class NotaryContract {
    static final ObjectMapper JSON = new ObjectMapper();
    /** storage_byte_cost (10^19 yocto) × 4000 bytes, as the contract requires. */
    static final BigInteger STORAGE_DEPOSIT = BigInteger.TEN.pow(19).multiply(BigInteger.valueOf(4000));
    private static final String[] METADATA_FIELDS = {"title", "description", "media", "media_hash", "copies", "issued_at",
            "expires_at", "starts_at", "updated_at", "extra", "reference", "reference_hash"};

    final Map<String, ObjectNode> tokens = new LinkedHashMap<>();
    final Map<String, ObjectNode> summaries = new LinkedHashMap<>();

    record CallResult(byte[] value, List<String> logs) {}

    /** {@code mint_batch} args, validated as the contract deserialises them. */
    private record MintArgs(String tokenId, String receiver, ObjectNode metadata, ObjectNode summary) {
        static MintArgs parse(byte[] args) {
            JsonNode in = parseArgs(args);
            return new MintArgs(requireString(in, "token_id"), requireString(in, "receiver_id"), NotaryContract.metadata(in.get("token_metadata")),
                    NotaryContract.summary(in.get("batch_summary")));
        }
    }

    CallResult mintBatch(byte[] args, BigInteger deposit) {
        MintArgs mint = MintArgs.parse(args);
        String tokenId = mint.tokenId();
        String receiver = mint.receiver();
        ObjectNode summary = mint.summary();
        if (tokens.containsKey(tokenId)) {
            throw new ContractPanic("Token already exists");
        }
        if (deposit.compareTo(STORAGE_DEPOSIT) < 0) {
            throw new ContractPanic("Insufficient deposit for storage");
        }
        ObjectNode token = store(tokenId, receiver, mint.metadata(), summary);
        return new CallResult(bytes(token), List.of("EVENT_JSON:" + mintEvent(tokenId, receiver, summary, deposit)));
    }

    /**
     * A token the original ETRAP agent minted on another chain, taken over from its recorded {@code mint_batch} args
     * (no transaction, no deposit). Importing the same token again is a no-op (false); a different summary under an
     * existing id panics, as the contract would.
     */
    boolean importToken(byte[] args) {
        MintArgs mint = MintArgs.parse(args);
        if (tokens.containsKey(mint.tokenId())) {
            if (summaries.get(mint.tokenId()).equals(mint.summary())) {
                return false;
            }
            throw new ContractPanic("Token already exists");
        }
        store(mint.tokenId(), mint.receiver(), mint.metadata(), mint.summary());
        return true;
    }

    private ObjectNode store(String tokenId, String receiver, ObjectNode metadata, ObjectNode summary) {
        ObjectNode token = JSON.createObjectNode();
        token.put("token_id", tokenId);
        token.put("owner_id", receiver);
        token.set("metadata", metadata);
        token.set("approved_account_ids", JSON.createObjectNode());
        tokens.put(tokenId, token);
        summaries.put(tokenId, summary);
        return token;
    }

    byte[] view(String method, byte[] args) {
        JsonNode in = args.length == 0 ? JSON.createObjectNode() : parseArgs(args);
        return switch (method) {
            case "nft_token" -> bytes(tokens.get(requireString(in, "token_id")));
            case "get_batch_summary" -> bytes(summaries.get(requireString(in, "token_id")));
            case "nft_total_supply" -> bytes(JsonNodeFactory.instance.textNode(Integer.toString(tokens.size())));
            case "nft_tokens" -> {
                long from = in.hasNonNull("from_index") ? Long.parseLong(in.get("from_index").asText()) : 0;
                long limit = in.hasNonNull("limit") ? in.get("limit").asLong() : Long.MAX_VALUE;
                ArrayNode out = JSON.createArrayNode();
                new ArrayList<>(tokens.values()).stream().skip(from).limit(limit).forEach(out::add);
                yield bytes(out);
            }
            default -> throw new MethodNotFound(method);
        };
    }

    static final class MethodNotFound extends RuntimeException {
        MethodNotFound(String method) {
            super(method, null, false, false);
        }
    }

    private static JsonNode parseArgs(byte[] args) {
        try {
            JsonNode node = JSON.readTree(new String(args, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new ContractPanic("Failed to deserialize input from JSON.");
            }
            return node;
        } catch (IOException e) {
            throw new ContractPanic("Failed to deserialize input from JSON.");
        }
    }

    private static ObjectNode metadata(JsonNode in) {
        if (in == null || !in.isObject()) {
            throw new ContractPanic("Failed to deserialize input from JSON.: missing field `token_metadata`");
        }
        ObjectNode out = JSON.createObjectNode();
        for (String field : METADATA_FIELDS) {
            JsonNode value = in.get(field);
            if (value == null || value.isNull()) {
                out.putNull(field);
            } else if (field.equals("copies") ? !isUnsigned(value, 64) : !value.isTextual()) {
                throw new ContractPanic("Failed to deserialize input from JSON.: invalid type for `" + field + "`");
            } else {
                out.set(field, value);
            }
        }
        return out;
    }

    private static ObjectNode summary(JsonNode in) {
        if (in == null || !in.isObject()) {
            throw new ContractPanic("Failed to deserialize input from JSON.: missing field `batch_summary`");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("database_name", requireString(in, "database_name"));
        JsonNode tables = in.get("table_names");
        if (tables == null || !tables.isArray()) {
            throw new ContractPanic("Failed to deserialize input from JSON.: missing field `table_names`");
        }
        tables.forEach(t -> {
            if (!t.isTextual()) {
                throw new ContractPanic("Failed to deserialize input from JSON.: invalid type in `table_names`");
            }
        });
        out.set("table_names", tables);
        out.set("timestamp", requireUnsigned(in, "timestamp", 64));
        out.set("tx_count", requireUnsigned(in, "tx_count", 32));
        out.put("merkle_root", requireString(in, "merkle_root"));
        out.put("s3_bucket", requireString(in, "s3_bucket"));
        out.put("s3_key", requireString(in, "s3_key"));
        out.set("size_bytes", requireUnsigned(in, "size_bytes", 64));
        JsonNode counts = in.get("operation_counts");
        if (counts == null || !counts.isObject()) {
            throw new ContractPanic("Failed to deserialize input from JSON.: missing field `operation_counts`");
        }
        ObjectNode outCounts = out.putObject("operation_counts");
        for (String field : new String[] {"inserts", "updates", "deletes"}) {
            outCounts.set(field, requireUnsigned(counts, field, 32));
        }
        return out;
    }

    /** The nft_mint event as the contract logs it (serde_json sorts the keys). */
    private static String mintEvent(String tokenId, String owner, ObjectNode summary, BigInteger deposit) {
        ObjectNode location = JSON.createObjectNode();
        location.set("bucket", summary.get("s3_bucket"));
        location.set("key", summary.get("s3_key"));
        ObjectNode eventSummary = JSON.createObjectNode();
        eventSummary.set("database", summary.get("database_name"));
        eventSummary.set("merkle_root", summary.get("merkle_root"));
        eventSummary.set("s3_location", location);
        eventSummary.set("tables", summary.get("table_names"));
        eventSummary.set("timestamp", summary.get("timestamp"));
        eventSummary.set("tx_count", summary.get("tx_count"));
        ObjectNode data = JSON.createObjectNode();
        data.set("batch_summary", eventSummary);
        ObjectNode fee = data.putObject("fee_info");
        fee.put("etrap_fee", deposit.divide(BigInteger.valueOf(5)).toString());
        fee.put("treasury", "treasury.emulator");
        data.put("owner_id", owner);
        data.putArray("token_ids").add(tokenId);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("data").add(data);
        event.put("event", "nft_mint");
        event.put("standard", "nep171");
        event.put("version", "1.0.0");
        return event.toString();
    }

    private static String requireString(JsonNode in, String field) {
        JsonNode value = in.get(field);
        if (value == null || !value.isTextual()) {
            throw new ContractPanic("Failed to deserialize input from JSON.: missing or invalid field `" + field + "`");
        }
        return value.asText();
    }

    private static JsonNode requireUnsigned(JsonNode in, String field, int bits) {
        JsonNode value = in.get(field);
        if (value == null || !isUnsigned(value, bits)) {
            throw new ContractPanic("Failed to deserialize input from JSON.: missing or invalid field `" + field + "` (u" + bits + ")");
        }
        return value;
    }

    private static boolean isUnsigned(JsonNode value, int bits) {
        return value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0 && value.bigIntegerValue().bitLength() <= bits;
    }

    private static byte[] bytes(JsonNode node) {
        return (node == null ? "null" : node.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
