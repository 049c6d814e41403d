package io.edgeledger.near.tx;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.crypto.NearPublicKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A transaction described in the JSON shape of one {@code near-tx.json} vector (key, signer_id, receiver_id,
 * nonce, block_hash, actions[]), as {@code edgeledger near sign-tx} reads it. Errors name the bad field.
 */
public record TxVector(NearKeyPair key, Transaction transaction) {

    public static TxVector parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("transaction input must be a JSON object");
        }
        NearKeyPair key = parseKey(node.get("key"));
        String signer = requiredText(node, "signer_id");
        String receiver = requiredText(node, "receiver_id");
        long nonce = u64(node.get("nonce"), "nonce");
        byte[] blockHash = blockHash(node);
        JsonNode actionsNode = node.get("actions");
        if (actionsNode == null || !actionsNode.isArray()) {
            throw new IllegalArgumentException("actions must be an array");
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < actionsNode.size(); i++) {
            actions.add(parseAction(actionsNode.get(i), "actions[" + i + "]"));
        }
        return new TxVector(key, new Transaction(signer, key.publicKey(), nonce, receiver, blockHash, actions));
    }

    private static NearKeyPair parseKey(JsonNode key) {
        if (key == null || !key.isObject()) {
            throw new IllegalArgumentException("key must be an object with secret_key or seed_hex");
        }
        NearKeyPair pair;
        if (key.hasNonNull("secret_key")) {
            pair = NearKeyPair.parseSecretKey(key.get("secret_key").asText());
        } else if (key.hasNonNull("seed_hex")) {
            try {
                pair = NearKeyPair.fromSeed(HexFormat.of().parseHex(key.get("seed_hex").asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key.seed_hex: " + e.getMessage());
            }
        } else {
            throw new IllegalArgumentException("key needs secret_key or seed_hex");
        }
        if (key.hasNonNull("public_key") && !NearPublicKey.parse(key.get("public_key").asText()).equals(pair.publicKey())) {
            throw new IllegalArgumentException("key.public_key does not belong to the secret key");
        }
        return pair;
    }

    private static byte[] blockHash(JsonNode node) {
        if (node.hasNonNull("block_hash")) {
            return Base58.decode(node.get("block_hash").asText(), 32, "block_hash");
        }
        if (node.hasNonNull("block_hash_hex")) {
            byte[] raw;
            try {
                raw = HexFormat.of().parseHex(node.get("block_hash_hex").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("block_hash_hex is not hex");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("block_hash_hex must be 32 bytes");
            }
            return raw;
        }
        throw new IllegalArgumentException("block_hash is missing");
    }

    private static Action parseAction(JsonNode action, String where) {
        if (action == null || !action.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        String type = requiredText(action, "type", where);
        return switch (type) {
            case "FunctionCall" -> {
                String method = requiredText(action, "method_name", where);
                byte[] args;
                if (action.has("args_json")) {
                    args = requiredText(action, "args_json", where).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                } else if (action.has("args_base64")) {
                    try {
                        args = Base64.getDecoder().decode(requiredText(action, "args_base64", where));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ".args_base64 is not base64");
                    }
                } else {
                    throw new IllegalArgumentException(where + " needs args_json or args_base64");
                }
                long gas = u64(action.get("gas"), where + ".gas");
                yield new Action.FunctionCall(method, args, gas, u128(action.get("deposit"), where + ".deposit"));
            }
            case "Transfer" -> new Action.Transfer(u128(action.get("deposit"), where + ".deposit"));
            default -> throw new IllegalArgumentException(where + ".type '" + type + "' is not FunctionCall or Transfer");
        };
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, null);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        String name = where == null ? field : where + "." + field;
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.asText();
    }

    /** A u64 given as a decimal string (our convention) or an integral JSON number. */
    static long u64(JsonNode value, String name) {
        BigInteger n = integer(value, name);
        if (n.bitLength() > 64) {
            throw new IllegalArgumentException(name + " exceeds u64: " + n);
        }
        return n.longValue();
    }

    static BigInteger u128(JsonNode value, String name) {
        BigInteger n = integer(value, name);
        if (n.bitLength() > 128) {
            throw new IllegalArgumentException(name + " exceeds u128: " + n);
        }
        return n;
    }

    private static BigInteger integer(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        BigInteger n;
        if (value.isTextual() && value.asText().matches("[0-9]{1,40}")) {
            n = new BigInteger(value.asText());
        } else if (value.isIntegralNumber()) {
            n = value.bigIntegerValue();
        } else {
            throw new IllegalArgumentException(name + " must be a non-negative decimal integer string, got " + value);
        }
        if (n.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return n;
    }
}
