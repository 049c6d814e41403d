package io.edgeledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgeledger near sign-tx}: each vector's input fields give its expected output; bad input is one line and exit 2. */
class NearCliSignTxTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NearCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void signsEveryVector(@TempDir Path dir) throws IOException {
        JsonNode vectors = JSON.readTree(SharedData.resolve("vectors/near-tx.json").toFile()).path("vectors");
        for (JsonNode vector : vectors) {
            // only the input fields, as a user would write them
            com.fasterxml.jackson.databind.node.ObjectNode input = JSON.createObjectNode();
            input.set("key", JSON.createObjectNode().put("secret_key", vector.at("/key/secret_key").asText()));
            for (String field : new String[] {"signer_id", "receiver_id", "nonce", "block_hash", "actions"}) {
                input.set(field, vector.get(field));
            }
            Path file = dir.resolve(vector.path("name").asText() + ".json");
            Files.writeString(file, input.toString());

            Run run = run("sign-tx", file.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out().strip().lines()).hasSize(1);
            JsonNode out = JSON.readTree(run.out());
            JsonNode expected = vector.path("expected");
            assertThat(out.path("borsh_hex").asText()).isEqualTo(expected.path("transaction_borsh_hex").asText());
            assertThat(out.path("hash").asText()).isEqualTo(expected.path("transaction_hash_base58").asText());
            assertThat(out.path("hash_hex").asText()).isEqualTo(expected.path("transaction_hash_hex").asText());
            assertThat(out.path("signature").asText()).isEqualTo(expected.path("signature_base58").asText());
            assertThat(out.path("signature_string").asText()).isEqualTo(expected.path("signature_string").asText());
            assertThat(out.path("signed_tx_base64").asText()).isEqualTo(expected.path("signed_transaction_borsh_base64").asText());

            // the whole vector file entry works as input too
            Path whole = dir.resolve("whole.json");
            Files.writeString(whole, vector.toString());
            assertThat(JSON.readTree(run("sign-tx", whole.toString()).out())).isEqualTo(out);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path notJson = dir.resolve("bad.json");
        Files.writeString(notJson, "{nope");
        Path badNonce = dir.resolve("nonce.json");
        Files.writeString(badNonce, """
                {"key":{"secret_key":"ed25519:4huF7ZkmyiWqvRbbrGtrz1tkVNuFLu6RqhVeRptURnrvGWnWJCiKE4GM7TNTFgzyczM9fpGUtcmYtdMuN5oxPJCt"},
                 "signer_id":"a","receiver_id":"b","nonce":"-1","block_hash":"8Rvmkx6qhbrfBDhfqHKd9VcFHvVVpuX3rYfPHHSSXiCZ","actions":[]}""");
        Path badKey = dir.resolve("key.json");
        Files.writeString(badKey, """
                {"key":{"secret_key":"ed25519:abc"},"signer_id":"a","receiver_id":"b","nonce":"1",
                 "block_hash":"8Rvmkx6qhbrfBDhfqHKd9VcFHvVVpuX3rYfPHHSSXiCZ","actions":[]}""");
        Path badHash = dir.resolve("hash.json");
        Files.writeString(badHash, """
                {"key":{"secret_key":"ed25519:4huF7ZkmyiWqvRbbrGtrz1tkVNuFLu6RqhVeRptURnrvGWnWJCiKE4GM7TNTFgzyczM9fpGUtcmYtdMuN5oxPJCt"},
                 "signer_id":"a","receiver_id":"b","nonce":"1","block_hash":"abc","actions":[]}""");
        for (String[] args : new String[][] {
                {"sign-tx", dir.resolve("missing.json").toString()}, {"sign-tx", notJson.toString()}, {"sign-tx", badNonce.toString()},
                {"sign-tx", badKey.toString()}, {"sign-tx", badHash.toString()}, {"sign-tx"}, {"frobnicate"}}) {
            Run run = run(args);
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("near: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
