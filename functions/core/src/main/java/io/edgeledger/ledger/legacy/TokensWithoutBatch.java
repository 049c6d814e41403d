package io.edgeledger.ledger.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.near.notary.NotaryViews;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The original agent minted before it stored, so a crash between the two left a token whose batch never reached S3:
 * notarized evidence of events nobody can show. This walks every token of the notary contract ({@code nft_tokens}),
 * keeps those whose {@code batch_summary.s3_bucket} is the legacy bucket, and reports each whose batch is not there:
 * not at its {@code s3_key} and not anywhere under the scanned prefix by its id (the token id is the batch id), which
 * finds batches an operator moved under another prefix. A batch with either tree object counts as stored, even damaged
 * ({@code import-etrap} and {@code verify-legacy} judge those).
 */
public final class TokensWithoutBatch {
    private static final int PAGE = 50;

    private TokensWithoutBatch() {}

    /** A token whose batch is missing, with what the chain recorded of it. */
    public record Missing(String tokenId, String s3Key, String merkleRoot, Long txCount, Long timestampMs, String database, List<String> tables) {}

    /** {@code tokens} of the bucket; {@code otherBuckets}: tokens naming another bucket (EdgeLedger's own, say) or none. */
    public record Result(int tokens, int stored, List<Missing> missing, int otherBuckets) {}

    /** {@code progress} hears the number of tokens looked at so far, after each page of them. */
    public static Result find(NotaryViews chain, LedgerStore bucket, String keyPrefix, IntConsumer progress) {
        String scanned = keyPrefix == null ? "" : keyPrefix;
        Set<String> prefixes = new HashSet<>(LegacyBatchReader.batchPrefixes(bucket, scanned));
        Set<String> ids = new HashSet<>();
        prefixes.forEach(p -> ids.add(lastSegment(p)));
        int tokens = 0;
        int stored = 0;
        int others = 0;
        int seen = 0;
        List<Missing> missing = new ArrayList<>();
        for (long from = 0; ; from += PAGE) {
            List<JsonNode> page = chain.tokens(from, PAGE);
            for (JsonNode token : page) {
                String id = token.path("token_id").asText(null);
                JsonNode summary = id == null ? null : chain.batchSummary(id).orElse(null);
                if (summary == null || !bucket.bucket().equals(summary.path("s3_bucket").asText(null))) {
                    others++;
                    continue;
                }
                tokens++;
                String key = folder(summary.path("s3_key").asText(""));
                boolean there = prefixes.contains(key) || ids.contains(id)
                        || (!key.startsWith(scanned) && !key.equals("/") && LegacyBatchReader.batchPrefixes(bucket, key).contains(key));
                if (there) {
                    stored++;
                } else {
                    missing.add(missing(id, key, summary));
                }
            }
            seen += page.size();
            progress.accept(seen);
            if (page.size() < PAGE) {
                return new Result(tokens, stored, missing, others);
            }
        }
    }

    private static Missing missing(String id, String key, JsonNode summary) {
        List<String> tables = new ArrayList<>();
        summary.path("table_names").forEach(t -> tables.add(t.asText()));
        return new Missing(id, key, summary.path("merkle_root").asText(null), number(summary.get("tx_count")), number(summary.get("timestamp")),
                summary.path("database_name").asText(null), tables);
    }

    private static Long number(JsonNode n) {
        return n != null && n.canConvertToLong() ? n.asLong() : n != null && n.isTextual() && n.asText().matches("\\d{1,18}") ? Long.parseLong(n.asText()) : null;
    }

    private static String folder(String key) {
        return key.endsWith("/") ? key : key + "/";
    }

    private static String lastSegment(String prefix) {
        String trimmed = prefix.substring(0, prefix.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
