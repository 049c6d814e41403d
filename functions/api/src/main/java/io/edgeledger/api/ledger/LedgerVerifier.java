package io.edgeledger.api.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.ledger.batch.BatchFormatException;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleVerifier;
import io.edgeledger.ledger.store.VerifiedBatch;
import io.edgeledger.near.rpc.TxOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "is this row in the ledger, and does the chain agree?". The batch is read from S3 and checked against its
 * own object hashes; the inclusion proof is computed and verified against the recomputed root; then that root is
 * compared with the root the NEAR contract recorded at mint time, and the mint transaction is looked up on the chain.
 * S3 alone is never trusted: a consistent rewrite of a batch (new data, new hashes, new manifest) still disagrees with
 * the chain and is reported as tampered. Only bytes that were read and do not match are tampering: storage that cannot
 * be read answers 503 {@code storage_unavailable} (from {@link LedgerBatches}), never a verdict.
 */
@ApplicationScoped
public class LedgerVerifier {
    static final String VERIFIED = "verified";
    static final String TAMPERED = "tampered";
    static final String NOT_FOUND = "not_found";
    static final String NOT_NOTARIZED = "not_notarized";

    private final LedgerBatches batches;
    private final ChainView chain;
    private final int maxBatches;

    public LedgerVerifier(LedgerBatches batches, ChainView chain, ApiConfig config) {
        this.batches = batches;
        this.chain = chain;
        this.maxBatches = config.api().maxVerifyBatches();
    }

    Map<String, Object> verify(VerifyRequest request) {
        List<String> candidates;
        if (request.batchId() != null) {
            candidates = List.of(batches.prefixOf(request.batchId()).orElseThrow(() -> ApiException.notFound("batch_not_found",
                    "no batch '" + request.batchId() + "' in the ledger bucket")));
        } else {
            candidates = batches.prefixes(request.database(), request.table());
            if (candidates.size() > maxBatches) {
                throw ApiException.badRequest("too_many_batches", candidates.size() + " batches match; narrow the search with batch_id, "
                        + "database or table (at most " + maxBatches + ")");
            }
        }
        List<Map<String, Object>> unreadable = new ArrayList<>();
        for (String prefix : candidates) {
            VerifiedBatch batch;
            try {
                batch = batches.readBatch(prefix); // storage that cannot be read is 503 there, never a verdict
            } catch (BatchFormatException e) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("s3_prefix", prefix);
                problem.put("problem", e.getMessage());
                unreadable.add(problem);
                continue;
            }
            List<Integer> indices = batch.indicesOf(request.leafHash());
            if (!indices.isEmpty()) {
                return found(request, batch, indices.get(0), unreadable);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("leaf_hash", request.leafHash());
        answer.put("included", false);
        answer.put("batches_searched", candidates.size());
        if (!unreadable.isEmpty()) {
            // the row may have been in a batch whose S3 objects no longer match their manifest: that is tampering
            answer.put("verdict", TAMPERED);
            answer.put("tampered", true);
            answer.put("problems", unreadable);
        } else {
            answer.put("verdict", NOT_FOUND);
            answer.put("tampered", false);
        }
        return answer;
    }

    private Map<String, Object> found(VerifyRequest request, VerifiedBatch batch, int index, List<Map<String, Object>> unreadable) {
        Manifest manifest = batch.manifest();
        List<byte[]> proof = batch.tree().inclusionProof(index);
        byte[] root = batch.tree().root();
        boolean proofValid = MerkleVerifier.verifyInclusion(Hex.parse(request.leafHash()), index, batch.tree().size(), proof, root);
        List<String> problems = new ArrayList<>();
        unreadable.forEach(u -> problems.add(u.get("s3_prefix") + ": " + u.get("problem")));

        Map<String, Object> chainAnswer = new LinkedHashMap<>();
        chainAnswer.put("network", chain.network());
        chainAnswer.put("contract", chain.contract());
        chainAnswer.put("token_id", manifest.batchId());
        Optional<JsonNode> token = chain.token(manifest.batchId());
        chainAnswer.put("token_found", token.isPresent());
        String chainRoot = chain.summary(manifest.batchId()).map(s -> s.path("merkle_root").asText(null)).orElse(null);
        chainAnswer.put("root", chainRoot);
        boolean rootMatches = chainRoot != null && chainRoot.equalsIgnoreCase(Hex.of(root));
        chainAnswer.put("root_matches", rootMatches);
        String txHash = manifest.mint() == null ? null : manifest.mint().txHash();
        chainAnswer.put("tx_hash", txHash);
        String txStatus = "none";
        if (txHash != null) {
            Optional<TxOutcome> tx = chain.transaction(txHash);
            txStatus = tx.map(t -> t.succeeded() ? "success" : t.failed() ? "failure" : "pending").orElse("unknown_to_chain");
            tx.ifPresent(t -> chainAnswer.put("block_hash", t.blockHash()));
        }
        chainAnswer.put("tx_status", txStatus);

        String verdict;
        if (chainRoot != null && !rootMatches) {
            verdict = TAMPERED;
            problems.add("the root recomputed from S3 (" + Hex.of(root) + ") differs from the root notarized on NEAR (" + chainRoot + ")");
        } else if (token.isEmpty() || chainRoot == null) {
            verdict = NOT_NOTARIZED;
            problems.add("batch " + manifest.batchId() + " has no notary token on " + chain.network() + " yet (mint pending or failed)");
        } else if (!proofValid) {
            verdict = TAMPERED;
            problems.add("the inclusion proof does not verify against the batch root");
        } else if (txHash != null && !"success".equals(txStatus)) {
            verdict = TAMPERED;
            problems.add("the manifest names mint transaction " + txHash + " but the chain reports it as " + txStatus);
        } else {
            verdict = VERIFIED;
        }

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("verdict", verdict);
        answer.put("included", proofValid && !TAMPERED.equals(verdict));
        answer.put("tampered", TAMPERED.equals(verdict));
        answer.put("leaf_hash", request.leafHash());
        answer.put("batch_id", manifest.batchId());
        answer.put("database", manifest.database());
        answer.put("table", manifest.table());
        answer.put("leaf_index", index);
        answer.put("tree_size", batch.tree().size());
        answer.put("proof", proof.stream().map(Hex::of).toList());
        answer.put("root", Hex.of(root));
        answer.put("proof_valid", proofValid);
        answer.put("chain", chainAnswer);
        answer.put("problems", problems);
        return answer;
    }
}
