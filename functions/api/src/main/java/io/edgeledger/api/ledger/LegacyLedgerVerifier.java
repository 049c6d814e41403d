package io.edgeledger.api.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.ledger.legacy.LegacyBatch;
import io.edgeledger.ledger.legacy.LegacyFinding;
import io.edgeledger.ledger.legacy.LegacyIndexEntry;
import io.edgeledger.ledger.legacy.LegacyVerdict;
import io.edgeledger.ledger.legacy.LegacyVerification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/ledger/verify} for {@code scheme: etrap-v1}: the indexed legacy batches are searched for the leaf
 * (read in place from their bucket), and the etrap-v1 root recomputed from S3 is compared with the token's
 * {@code batch_summary.merkle_root} on chain, as for new batches. Bad legacy data is a verdict with its findings;
 * only unreachable storage or chain is 503.
 */
@ApplicationScoped
public class LegacyLedgerVerifier {
    private final LegacyBatches batches;
    private final ChainView chain;
    private final int maxBatches;

    public LegacyLedgerVerifier(LegacyBatches batches, ChainView chain, ApiConfig config) {
        this.batches = batches;
        this.chain = chain;
        this.maxBatches = config.api().maxVerifyBatches();
    }

    Map<String, Object> verify(LegacyVerifyRequest request) {
        List<LegacyIndexEntry> candidates = batches.entries(request.batchId(), request.database(), request.table(), request.s3Bucket());
        if (request.batchId() != null && candidates.isEmpty()) {
            throw ApiException.notFound("batch_not_found", "no legacy batch '" + request.batchId() + "' is indexed; index the agent's bucket with "
                    + "./edgeledger ledger import-etrap --bucket B");
        }
        if (candidates.size() > maxBatches) {
            throw ApiException.badRequest("too_many_batches", candidates.size() + " legacy batches match; narrow the search with batch_id, "
                    + "database or table (at most " + maxBatches + ")");
        }
        List<String> damaged = new ArrayList<>(); // problems of batches that no longer read whole: the row may have been there
        for (LegacyIndexEntry entry : candidates) {
            LegacyBatch batch = batches.read(entry);
            boolean inBatch = batch.indexOf(request.leaf().sdk()) >= 0 || batch.indexOf(request.leaf().legacy()) >= 0;
            if (inBatch || request.batchId() != null) {
                return answer(entry, verdict(batch, request));
            }
            if (!batch.intact()) {
                batch.problems().forEach(p -> damaged.add(batch.batchId() + ": " + p));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scheme", LegacyBatch.SCHEME);
        answer.put("verdict", damaged.isEmpty() ? LegacyVerdict.NOT_FOUND : LegacyVerdict.TAMPERED);
        answer.put("included", false);
        answer.put("tampered", !damaged.isEmpty());
        answer.put("leaf_hash", request.leaf().sdk());
        answer.put("leaf_hash_without_sdk", request.leaf().legacy());
        answer.put("batches_searched", candidates.size());
        answer.put("problems", damaged);
        return answer;
    }

    private LegacyVerdict verdict(LegacyBatch batch, LegacyVerifyRequest request) {
        boolean tokenFound = chain.token(batch.batchId()).isPresent();
        String chainRoot = chain.summary(batch.batchId()).map(s -> s.path("merkle_root")).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        return LegacyVerification.verify(batch, request.leaf(), tokenFound, chainRoot);
    }

    private Map<String, Object> answer(LegacyIndexEntry entry, LegacyVerdict v) {
        Map<String, Object> chainAnswer = new LinkedHashMap<>();
        chainAnswer.put("network", chain.network());
        chainAnswer.put("contract", chain.contract());
        chainAnswer.put("token_id", v.batchId());
        chainAnswer.put("token_found", v.tokenFound());
        chainAnswer.put("root", v.chainRoot());
        chainAnswer.put("root_matches", v.chainRoot() != null && v.chainRoot().equalsIgnoreCase(v.recomputedRoot()));

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scheme", LegacyBatch.SCHEME);
        answer.put("verdict", v.verdict());
        answer.put("included", v.included());
        answer.put("tampered", LegacyVerdict.TAMPERED.equals(v.verdict()));
        answer.put("leaf_hash", v.leafHash());
        answer.put("batch_id", v.batchId());
        answer.put("database", entry.database());
        answer.put("table", entry.table());
        answer.put("s3_bucket", entry.sourceBucket());
        answer.put("s3_prefix", entry.s3Prefix());
        answer.put("leaf_index", v.leafIndex() < 0 ? null : v.leafIndex());
        if (v.proof() != null) {
            answer.put("proof", v.proof().proofPath());
            answer.put("sibling_positions", v.proof().siblingPositions());
        }
        answer.put("root", v.recomputedRoot());
        answer.put("chain", chainAnswer);
        answer.put("problems", v.problems());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (LegacyFinding f : v.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("kind", f.kind().name());
            finding.put("breaks_verification", f.kind().breaksVerification());
            finding.put("object", f.object());
            finding.put("detail", f.detail());
            findings.add(finding);
        }
        answer.put("findings", findings);
        return answer;
    }
}
