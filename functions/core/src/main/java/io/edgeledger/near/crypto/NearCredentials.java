package io.edgeledger.near.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An account and its full-access key, as near-cli keeps them in
 * {@code ~/.near-credentials/<network>/<account>.json}: {@code {"account_id","public_key","private_key"}}.
 */
public record NearCredentials(String accountId, NearKeyPair keyPair) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a credentials file. {@code fallbackAccountId} is used when the file has no account_id (older files). */
    public static NearCredentials read(Path file, String fallbackAccountId) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidKeyException("cannot read credentials file " + file + ": " + e.getMessage());
        }
        return parse(text, "credentials file " + file, fallbackAccountId);
    }

    /**
     * Parses near-cli credentials JSON; {@code source} names where it came from in messages ("credentials file F",
     * "secret ARN"). Messages never contain the key.
     */
    public static NearCredentials parse(String text, String source, String fallbackAccountId) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new InvalidKeyException(source + " is not a JSON object {\"account_id\", \"public_key\", \"private_key\"}");
        }
        String secret = text(node, "private_key");
        if (secret == null) {
            secret = text(node, "secret_key");
        }
        if (secret == null) {
            throw new InvalidKeyException(source + " has no private_key");
        }
        NearKeyPair pair;
        try {
            pair = NearKeyPair.parseSecretKey(secret);
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(source + ": " + e.getMessage());
        }
        String declaredPublic = text(node, "public_key");
        if (declaredPublic != null && !NearPublicKey.parse(declaredPublic).equals(pair.publicKey())) {
            throw new InvalidKeyException(source + ": public_key does not match private_key");
        }
        String account = text(node, "account_id");
        if (account == null) {
            account = fallbackAccountId;
        }
        if (account == null || account.isBlank()) {
            throw new InvalidKeyException(source + " has no account_id; pass the account explicitly");
        }
        if (fallbackAccountId != null && !fallbackAccountId.equals(account)) {
            throw new InvalidKeyException(source + " is for account " + account + ", not " + fallbackAccountId);
        }
        return new NearCredentials(account, pair);
    }

    /** Writes the near-cli format, readable only by the owner. */
    public void write(Path file) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("account_id", accountId);
        node.put("public_key", keyPair.publicKey().toString());
        node.put("private_key", keyPair.secretKeyString());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: nothing more we can do
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    @Override
    public String toString() {
        return "NearCredentials[" + accountId + ", " + keyPair.publicKey() + ", secret=<redacted>]";
    }
}
