package io.edgeledger.ledger.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.debezium.SampleFiles;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins every byte the seal path produces for the shared Redis samples (all objects, manifests, leaves, leaf
 * hashes, key texts) with one SHA-256: a faster seal path must not change a single output byte.
 */
class SealDigestTest {
    /** Recorded from the seal path before the issue-16 changes (commit 655f9f1's output is the same for these samples). */
    private static final String EXPECTED = "65b5034548822542296f19da59644b3fb77f1fb6b4cad7917fe5529a23061149";

    @Test
    void theSealedSamplesHashToTheRecordedDigest() throws Exception {
        BatchSealer sealer = new BatchSealer("bench", "emulator", "notary.emulator", Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        for (String file : List.of("streams-compact.jsonl", "streams-extended.jsonl", "streams-extended-schemas.jsonl")) {
            Map<String, List<BatchEntry>> byStream = new LinkedHashMap<>();
            int i = 0;
            for (SampleFiles.StreamEntry e : SampleFiles.readRedisJsonl(SharedData.resolve("samples/debezium/redis/" + file))) {
                byStream.computeIfAbsent(e.stream(), s -> new ArrayList<>())
                        .add(new BatchEntry("1714554000000-" + i++, LeafV2.fromRedisEntry(e.fields(), "default")));
            }
            for (Map.Entry<String, List<BatchEntry>> b : byStream.entrySet()) {
                SealedBatch sealed = sealer.seal(b.getKey(), b.getValue());
                sealed.objects().forEach((name, bytes) -> {
                    all.update(name.getBytes(StandardCharsets.UTF_8));
                    all.update(bytes);
                });
                all.update(sealed.manifestBytes());
                for (LeafOutcome.Leaf leaf : sealed.leaves()) {
                    all.update(leaf.bytes());
                    all.update(leaf.hash());
                    all.update(leaf.keyJson().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(Hex.of(all.digest())).isEqualTo(EXPECTED);
    }
}
