package io.edgeledger.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.near.notary.BatchSummary;
import io.edgeledger.near.notary.ManifestMint;
import io.edgeledger.near.notary.MintBatchArgs;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.notary.TokenMetadata;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mint_batch builder reproduces the vectors' exact args text, and maps a manifest as docs/ledger-manifest.md says. */
class MintBatchArgsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private static JsonNode vector(int index) throws IOException {
        return JSON.readTree(SharedData.resolve("vectors/near-tx.json").toFile()).path("vectors").get(index);
    }

    /** Rebuilds the builder's input from a vector's own args (so the test checks serialisation, not copying text). */
    private static MintBatchArgs fromArgs(JsonNode args) {
        JsonNode m = args.path("token_metadata");
        JsonNode s = args.path("batch_summary");
        TokenMetadata metadata = new TokenMetadata(str(m, "title"), str(m, "description"), str(m, "media"), str(m, "media_hash"),
                m.hasNonNull("copies") ? m.get("copies").asLong() : null, str(m, "issued_at"), str(m, "expires_at"),
                str(m, "starts_at"), str(m, "updated_at"), str(m, "extra"), str(m, "reference"), str(m, "reference_hash"));
        List<String> tables = new ArrayList<>();
        s.path("table_names").forEach(t -> tables.add(t.asText()));
        BatchSummary summary = new BatchSummary(s.path("database_name").asText(), tables, s.path("timestamp").asLong(),
                s.path("tx_count").asLong(), s.path("merkle_root").asText(), s.path("s3_bucket").asText(), s.path("s3_key").asText(),
                s.path("size_bytes").asLong(), new BatchSummary.OperationCounts(s.at("/operation_counts/inserts").asLong(),
                s.at("/operation_counts/updates").asLong(), s.at("/operation_counts/deletes").asLong()));
        return new MintBatchArgs(args.path("token_id").asText(), args.path("receiver_id").asText(), metadata, summary);
    }

    private static String str(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    @Test
    void reproducesTheOriginalAgentsBytes() throws IOException {
        String expected = vector(0).at("/actions/0/args_json").asText();
        assertThat(fromArgs(JSON.readTree(expected)).toAgentJson()).isEqualTo(expected);
    }

    @Test
    void reproducesTheCompactVectors() throws IOException {
        for (int index : new int[] {1, 2, 3, 4}) {
            String expected = vector(index).at("/actions/0/args_json").asText();
            assertThat(fromArgs(JSON.readTree(expected)).toJson()).as("vector %d", index).isEqualTo(expected);
        }
    }

    @Test
    void defaultsAre100TgasAndHalfANear() throws IOException {
        assertThat(NotaryConfig.DEFAULT_GAS).isEqualTo(Long.parseLong(vector(0).at("/actions/0/gas").asText()));
        assertThat(NotaryConfig.DEFAULT_DEPOSIT).isEqualTo(new BigInteger(vector(0).at("/actions/0/deposit").asText()));
        assertThat(NotaryConfig.nearToYocto("0.5")).isEqualTo(NotaryConfig.DEFAULT_DEPOSIT);
        assertThat(NotaryConfig.nearToYocto("1")).isEqualTo(BigInteger.TEN.pow(24));
        assertThatThrownBy(() -> NotaryConfig.nearToYocto("0.0000000000000000000000001")).isInstanceOf(IllegalArgumentException.class);
    }

    static final String MANIFEST = """
            {"batch_id":"BATCH-2026-12-01-1a2b3c4d","scheme":"rfc6962","leaf_scheme":"leaf-v2","database":"etrapdb",
             "table":"public.orders","stream":"etrap.public.orders","first_entry_id":"1700000000000-0",
             "last_entry_id":"1700000000123-4","root":"%s","leaf_count":123,"entry_count":125,
             "operation_counts":{"inserts":1,"updates":2,"deletes":3,"snapshots":4,"truncates":0},
             "first_timestamp_ms":1700000000000,"last_timestamp_ms":1700000000123,"sealed_at":"2026-12-01T22:00:00.000Z",
             "size_bytes":4567,"s3_bucket":"edgeledger-ledger","s3_prefix":"etrapdb/public.orders/BATCH-2026-12-01-1a2b3c4d/",
             "objects":{"batch-data.json":"%s"},
             "mint":{"status":"pending","network":"emulator","contract":"notary.emulator","token_id":"BATCH-2026-12-01-1a2b3c4d",
                     "tx_hash":null,"block_hash":null,"block_height":null,"minted_at":null}}
            """.formatted("ab".repeat(32), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Test
    void buildsTheSummaryFromAManifest() throws IOException {
        MintRequest request = ManifestMint.fromManifest(JSON.readTree(MANIFEST), "minter.emulator");
        JsonNode args = JSON.readTree(request.args().toJson());

        assertThat(request.tokenId()).isEqualTo("BATCH-2026-12-01-1a2b3c4d");
        assertThat(request.knownTxHash()).isNull();
        assertThat(args.path("receiver_id").asText()).isEqualTo("minter.emulator");
        JsonNode s = args.path("batch_summary");
        assertThat(s.path("database_name").asText()).isEqualTo("etrapdb");
        assertThat(s.path("table_names").get(0).asText()).isEqualTo("public.orders");
        assertThat(s.path("timestamp").asLong()).isEqualTo(1700000000000L);
        assertThat(s.path("tx_count").asLong()).isEqualTo(123);
        assertThat(s.path("merkle_root").asText()).isEqualTo("ab".repeat(32));
        assertThat(s.path("s3_bucket").asText()).isEqualTo("edgeledger-ledger");
        assertThat(s.path("s3_key").asText()).isEqualTo("etrapdb/public.orders/BATCH-2026-12-01-1a2b3c4d/");
        assertThat(s.path("size_bytes").asLong()).isEqualTo(4567);
        assertThat(s.path("operation_counts").toString()).isEqualTo("{\"inserts\":1,\"updates\":2,\"deletes\":3}");
        JsonNode m = args.path("token_metadata");
        assertThat(m.path("issued_at").asText()).isEqualTo("1796162400000");
        assertThat(m.path("reference_hash").asText()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(JSON.readTree(m.path("extra").asText()).path("leaf_scheme").asText()).isEqualTo("leaf-v2");
        // deterministic: a retried run sends the same args
        assertThat(ManifestMint.fromManifest(JSON.readTree(MANIFEST), "minter.emulator").args().toJson()).isEqualTo(request.args().toJson());
    }

    @Test
    void theTypedManifestGivesTheSameRequestAsItsJson() throws IOException {
        var typed = io.edgeledger.ledger.batch.ManifestJson.parse(MANIFEST.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MintRequest fromTyped = ManifestMint.fromManifest(typed, "minter.emulator");
        assertThat(fromTyped.args().toJson()).isEqualTo(ManifestMint.fromManifest(JSON.readTree(MANIFEST), "minter.emulator").args().toJson());
        assertThat(fromTyped.knownTxHash()).isNull();
    }

    @Test
    void rejectsAManifestWithoutItsFields() throws IOException {
        JsonNode broken = JSON.readTree(MANIFEST.replace("\"leaf_count\":123,", ""));
        assertThatThrownBy(() -> ManifestMint.fromManifest(broken, "a")).hasMessageContaining("leaf_count");
        JsonNode negative = JSON.readTree(MANIFEST.replace("\"size_bytes\":4567", "\"size_bytes\":-1"));
        assertThatThrownBy(() -> ManifestMint.fromManifest(negative, "a")).hasMessageContaining("size_bytes");
    }
}
