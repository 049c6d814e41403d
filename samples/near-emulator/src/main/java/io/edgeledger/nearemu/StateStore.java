package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearPublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Optional persistence (--state FILE): accounts, keys and nonces, tokens, transaction outcomes and the recent
 * blocks, as one JSON file replaced atomically after every change. The signer seed is stored too, so the
 * credentials file stays valid across restarts; keep the state file private.
 */
final class StateStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private final Path path;

    StateStore(Path path) {
        this.path = path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Called under the state lock. */
    void save(NodeState state, byte[] signerSeed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("contract_id", state.contractId);
        root.put("signer_seed_hex", HexFormat.of().formatHex(signerSeed));
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : state.chain.recent(state.chain.expiryBlocks() + 10)) {
            blocks.addObject().put("height", b.height()).put("hash", b.hashBase58()).put("prev_hash", b.prevHashBase58())
                    .put("timestamp", b.timestampNanos());
        }
        ObjectNode accounts = root.putObject("accounts");
        for (Account a : state.accounts.values()) {
            ObjectNode node = accounts.putObject(a.id);
            node.put("amount", a.amount.toString());
            ObjectNode keys = node.putObject("keys");
            a.keyNonces.forEach((k, n) -> keys.put(k.toString(), Long.toUnsignedString(n)));
        }
        ArrayNode tokens = root.putArray("tokens");
        state.notary.tokens.forEach((id, token) -> tokens.addObject().<ObjectNode>set("token", token)
                .set("summary", state.notary.summaries.get(id)));
        ObjectNode txs = root.putObject("transactions");
        state.txs.forEach((hash, tx) -> txs.putObject(hash).put("signer_id", tx.signerId()).put("block_height", tx.blockHeight())
                .set("outcome", tx.outcome()));
        try {
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            JSON.writeValue(tmp.toFile(), root);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------")); // holds the signer seed
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads into an empty state; returns the stored signer seed. */
    byte[] load(NodeState state) {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("emulator state " + path + " is not readable JSON: " + e.getMessage());
        }
        List<Block> blocks = new ArrayList<>();
        for (JsonNode b : root.path("blocks")) {
            blocks.add(new Block(b.get("height").asLong(), Base58.decode(b.get("hash").asText()),
                    Base58.decode(b.get("prev_hash").asText()), b.get("timestamp").asLong()));
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("emulator state " + path + " has no blocks");
        }
        state.chain.restore(blocks);
        for (Map.Entry<String, JsonNode> e : root.path("accounts").properties()) {
            Account account = new Account(e.getKey(), new BigInteger(e.getValue().get("amount").asText()));
            for (Map.Entry<String, JsonNode> k : e.getValue().path("keys").properties()) {
                account.keyNonces.put(NearPublicKey.parse(k.getKey()), Long.parseUnsignedLong(k.getValue().asText()));
            }
            state.accounts.put(account.id, account);
        }
        for (JsonNode t : root.path("tokens")) {
            String id = t.path("token").path("token_id").asText();
            state.notary.tokens.put(id, (ObjectNode) t.get("token"));
            state.notary.summaries.put(id, (ObjectNode) t.get("summary"));
        }
        for (Map.Entry<String, JsonNode> e : root.path("transactions").properties()) {
            state.txs.put(e.getKey(), new NodeState.StoredTx(e.getValue().path("signer_id").asText(),
                    (ObjectNode) e.getValue().get("outcome"), e.getValue().path("block_height").asLong()));
        }
        return HexFormat.of().parseHex(root.path("signer_seed_hex").asText());
    }
}
