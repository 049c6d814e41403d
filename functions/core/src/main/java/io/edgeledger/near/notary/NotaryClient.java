package io.edgeledger.near.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.rpc.AccessKeyView;
import io.edgeledger.near.rpc.BlockView;
import io.edgeledger.near.rpc.InvalidNonceException;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NearRpcException;
import io.edgeledger.near.rpc.TransactionExpiredException;
import io.edgeledger.near.rpc.TxOutcome;
import io.edgeledger.near.rpc.UnknownTransactionException;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.tx.Action;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Talks to the notary contract: views ({@code nft_token}, {@code get_batch_summary}) and an idempotent
 * {@link #mintBatch}. Retries are only the safe ones: a new nonce or block hash is signed only after every
 * transaction sent so far is known not to have landed, and a transaction whose fate is unknown is resent
 * byte for byte (same nonce, same hash), so one batch can never be minted by two transactions.
 */
public final class NotaryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN_EXISTS = "Token already exists";

    private final NearRpcClient rpc;
    private final NotaryConfig config;
    private final NotaryViews views;

    public NotaryClient(NearRpcClient rpc, NotaryConfig config) {
        this.rpc = rpc;
        this.config = config;
        this.views = new NotaryViews(rpc, config.contractId());
    }

    public NotaryConfig config() {
        return config;
    }

    /** {@code nft_token(token_id)}: the token JSON, or empty when it does not exist. */
    public Optional<JsonNode> findToken(String tokenId) {
        return views.token(tokenId);
    }

    /** {@code get_batch_summary(token_id)}: the stored BatchSummary JSON, or empty. */
    public Optional<JsonNode> batchSummary(String tokenId) {
        return views.batchSummary(tokenId);
    }

    /** Mints the batch unless its token exists; see the class comment for the retry rules. */
    public MintResult mintBatch(MintRequest request) {
        return mintBatch(request, hash -> { });
    }

    /**
     * Like {@link #mintBatch(MintRequest)}; {@code beforeSend} gets each signed transaction's hash before the
     * transaction is sent, so a caller can journal it durably: if the process dies before the answer, the
     * next run passes the journal as {@link MintRequest#sentTxHashes()} and learns which one minted.
     */
    public MintResult mintBatch(MintRequest request, Consumer<String> beforeSend) {
        String tokenId = request.tokenId();
        Optional<JsonNode> existing = findToken(tokenId);
        if (existing.isPresent()) {
            requireSameRoot(request);
            return alreadyMinted(tokenId, existing.get(), request.candidateTxHashes());
        }
        String argsJson = request.args().toJson();
        List<SignedTransaction> sent = new ArrayList<>();
        long nonceFloor = 0;
        NearRpcException last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (!sent.isEmpty()) {
                Optional<MintResult> settled = settled(tokenId, sent, request.candidateTxHashes());
                if (settled.isPresent()) {
                    return settled.get();
                }
            }
            SignedTransaction tx = sign(argsJson, nonceFloor);
            beforeSend.accept(tx.hashBase58());
            sent.add(tx);
            TxOutcome outcome;
            try {
                outcome = submit(tx);
            } catch (InvalidNonceException e) {
                nonceFloor = Math.max(nonceFloor, e.akNonce());
                last = e;
                continue;
            } catch (TransactionExpiredException e) {
                last = e;
                continue;
            }
            if (outcome.succeeded()) {
                return minted(tokenId, outcome);
            }
            String failure = outcome.failureMessage();
            if (failure != null && failure.contains(TOKEN_EXISTS)) {
                Optional<MintResult> settled = settled(tokenId, sent, request.candidateTxHashes());
                if (settled.isPresent()) {
                    if (settled.get().alreadyMinted()) {
                        requireSameRoot(request);
                    }
                    return settled.get();
                }
            }
            throw new MintFailedException("mint_batch " + tokenId + " failed in transaction " + outcome.hash() + ": " + failure);
        }
        throw new MintFailedException("mint_batch " + tokenId + " gave up after " + config.maxAttempts()
                + " attempts; last error: " + (last == null ? "none" : last.getMessage())
                + ". Nothing was minted twice; run again to continue.", last);
    }

    /** An existing token must notarize the same root; a view the contract lacks skips the check. */
    private void requireSameRoot(MintRequest request) {
        Optional<JsonNode> summary;
        try {
            summary = batchSummary(request.tokenId());
        } catch (io.edgeledger.near.rpc.ContractViewException e) {
            return;
        }
        String ours = request.args().summary().merkleRoot();
        if (summary.isPresent() && !ours.equals(summary.get().path("merkle_root").asText())) {
            throw new MintConflictException("token " + request.tokenId() + " already exists on " + config.contractId()
                    + " with merkle_root " + summary.get().path("merkle_root").asText() + ", but this batch's root is " + ours
                    + ": the batch was re-sealed differently or the id was taken; not marking it minted");
        }
    }

    private SignedTransaction sign(String argsJson, long nonceFloor) {
        NearKeyPair key = config.signer().keyPair();
        String signer = config.signer().accountId();
        AccessKeyView accessKey = rpc.viewAccessKey(signer, key.publicKey());
        long nonce = Long.compareUnsigned(accessKey.nonce(), nonceFloor) >= 0 ? accessKey.nonce() : nonceFloor;
        BlockView block = rpc.finalBlock();
        Action call = Action.FunctionCall.json("mint_batch", argsJson, config.gas(), config.deposit());
        Transaction tx = new Transaction(signer, key.publicKey(), nonce + 1, config.contractId(),
                Base58.decode(block.hash(), 32, "block hash"), List.of(call));
        return tx.sign(key);
    }

    /**
     * Sends and waits for a definite outcome. When the answer is lost (timeout, dropped connection) it asks
     * {@code tx} status by hash; only if the node still does not know the transaction does it resend the same bytes.
     */
    private TxOutcome submit(SignedTransaction tx) {
        NearRpcException unknown = null;
        for (int round = 0; round < config.statusPolls(); round++) {
            try {
                TxOutcome outcome = rpc.sendTx(tx, config.waitUntil());
                return outcome.pending() ? awaitStatus(tx) : outcome;
            } catch (NearRpcException e) {
                if (!e.outcomeUnknown()) {
                    throw e;
                }
                unknown = e;
            }
            Optional<TxOutcome> status = pollStatus(tx);
            if (status.isPresent()) {
                return status.get();
            }
        }
        throw new MintFailedException("transaction " + tx.hashBase58() + " was sent but its outcome is still unknown ("
                + unknown.getMessage() + "); it may land later. Run the mint again: it checks the token first.", unknown);
    }

    private TxOutcome awaitStatus(SignedTransaction tx) {
        Optional<TxOutcome> status = pollStatus(tx);
        return status.orElseThrow(() -> new MintFailedException("transaction " + tx.hashBase58()
                + " was accepted but did not execute in time; run the mint again: it checks the token first."));
    }

    private Optional<TxOutcome> pollStatus(SignedTransaction tx) {
        for (int poll = 0; poll < config.statusPolls(); poll++) {
            Optional<TxOutcome> status = status(tx);
            if (status.isPresent() && !status.get().pending()) {
                return status;
            }
            sleep();
        }
        return Optional.empty();
    }

    /** The transaction's outcome if the node knows it; empty if unknown or unreachable right now. */
    private Optional<TxOutcome> status(SignedTransaction tx) {
        try {
            return Optional.of(rpc.txStatus(tx.hashBase58(), tx.transaction().signerId(), config.waitUntil()));
        } catch (UnknownTransactionException e) {
            return Optional.empty();
        } catch (NearRpcException e) {
            if (e.outcomeUnknown()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Did one of our transactions mint the token, or does the token exist anyway? */
    private Optional<MintResult> settled(String tokenId, List<SignedTransaction> sent, List<String> knownTxHashes) {
        for (SignedTransaction tx : sent) {
            Optional<TxOutcome> status = status(tx);
            if (status.isPresent() && status.get().succeeded()) {
                return Optional.of(minted(tokenId, status.get()));
            }
        }
        return findToken(tokenId).map(token -> alreadyMinted(tokenId, token, knownTxHashes));
    }

    private MintResult minted(String tokenId, TxOutcome outcome) {
        String blockHash = outcome.blockHash();
        Long height = blockHash == null ? null : heightOf(blockHash);
        JsonNode token = null;
        byte[] value = outcome.successValue();
        if (value != null && value.length > 0) {
            try {
                token = JSON.readTree(value);
            } catch (IOException ignored) {
                // the token view below is the authority anyway
            }
        }
        return new MintResult(MintResult.Status.MINTED, tokenId, outcome.hash(), blockHash, height, token);
    }

    /** The token exists: report the earlier transaction that minted it, when one of the known ones did. */
    private MintResult alreadyMinted(String tokenId, JsonNode token, List<String> knownTxHashes) {
        for (String hash : knownTxHashes) {
            try {
                TxOutcome outcome = rpc.txStatus(hash, config.signer().accountId(), config.waitUntil());
                if (outcome.succeeded()) {
                    String blockHash = outcome.blockHash();
                    return new MintResult(MintResult.Status.ALREADY_MINTED, tokenId, hash, blockHash,
                            blockHash == null ? null : heightOf(blockHash), token);
                }
            } catch (NearRpcException e) {
                // unknown or failed: the token exists anyway; the tx is only extra detail
            }
        }
        return new MintResult(MintResult.Status.ALREADY_MINTED, tokenId, null, null, null, token);
    }

    private Long heightOf(String blockHash) {
        try {
            return rpc.blockByHash(blockHash).height();
        } catch (NearRpcException e) {
            return null; // garbage-collected or unknown block: the hash alone still identifies it
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MintFailedException("interrupted while waiting for a transaction status");
        }
    }
}
