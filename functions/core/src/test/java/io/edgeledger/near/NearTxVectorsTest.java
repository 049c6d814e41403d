package io.edgeledger.near;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.crypto.NearPublicKey;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import io.edgeledger.near.tx.TxVector;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every near-tx.json vector byte for byte: key parsing, Borsh, hash, signature, signed transaction. */
class NearTxVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static List<JsonNode> vectors() throws IOException {
        JsonNode root = JSON.readTree(SharedData.resolve("vectors/near-tx.json").toFile());
        return StreamSupport.stream(root.get("vectors").spliterator(), false).toList();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void keysParseAndDerive(JsonNode vector) {
        JsonNode key = vector.get("key");
        NearKeyPair fromSeed = NearKeyPair.fromSeed(HEX.parseHex(key.get("seed_hex").asText()));
        NearKeyPair fromSecret = NearKeyPair.parseSecretKey(key.get("secret_key").asText());
        NearPublicKey expected = NearPublicKey.parse(key.get("public_key").asText());

        assertThat(fromSeed.publicKey()).isEqualTo(expected);
        assertThat(fromSecret.publicKey()).isEqualTo(expected);
        assertThat(expected.hex()).isEqualTo(key.get("public_key_hex").asText());
        assertThat(expected.implicitAccountId()).isEqualTo(key.get("implicit_account_id").asText());
        assertThat(fromSeed.secretKeyString()).isEqualTo(key.get("secret_key").asText());
        assertThat(fromSecret.toString()).doesNotContain(key.get("secret_key").asText().substring(8, 20)).contains("redacted");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void signsByteForByte(JsonNode vector) {
        TxVector input = TxVector.parse(vector);
        JsonNode expected = vector.get("expected");
        Transaction tx = input.transaction();

        assertThat(HEX.formatHex(tx.borsh())).isEqualTo(expected.get("transaction_borsh_hex").asText());
        assertThat(HEX.formatHex(tx.hash())).isEqualTo(expected.get("transaction_hash_hex").asText());
        assertThat(tx.hashBase58()).isEqualTo(expected.get("transaction_hash_base58").asText());

        SignedTransaction signed = tx.sign(input.key());
        assertThat(HEX.formatHex(signed.signature())).isEqualTo(expected.get("signature_hex").asText());
        assertThat(Base58.encode(signed.signature())).isEqualTo(expected.get("signature_base58").asText());
        assertThat(signed.signatureString()).isEqualTo(expected.get("signature_string").asText());
        assertThat(signed.base64()).isEqualTo(expected.get("signed_transaction_borsh_base64").asText());
        assertThat(signed.base64()).isEqualTo(vector.at("/rpc_send_tx_request/params/signed_tx_base64").asText());
        assertThat(signed.verifySignature()).isTrue();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void decodesWhatItEncodes(JsonNode vector) {
        String base64 = vector.at("/expected/signed_transaction_borsh_base64").asText();
        SignedTransaction decoded = SignedTransaction.decodeBase64(base64);

        assertThat(decoded.base64()).isEqualTo(base64);
        assertThat(decoded.transaction().signerId()).isEqualTo(vector.get("signer_id").asText());
        assertThat(Long.toUnsignedString(decoded.transaction().nonce())).isEqualTo(vector.get("nonce").asText());
        assertThat(decoded.verifySignature()).isTrue();
        byte[] args = ((io.edgeledger.near.tx.Action.FunctionCall) decoded.transaction().actions().get(0)).args();
        assertThat(Base64.getEncoder().encodeToString(args)).isEqualTo(vector.at("/actions/0/args_base64").asText());
    }
}
