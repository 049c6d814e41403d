package io.edgeledger.nearemu;

import static io.edgeledger.nearemu.EmulatorFixtures.args;
import static io.edgeledger.nearemu.EmulatorFixtures.mintTx;
import static io.edgeledger.nearemu.EmulatorFixtures.nextMintTx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.rpc.AccessKeyView;
import io.edgeledger.near.rpc.InvalidNonceException;
import io.edgeledger.near.rpc.InvalidSignatureException;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.TransactionExpiredException;
import io.edgeledger.near.rpc.TxOutcome;
import io.edgeledger.near.rpc.UnknownAccessKeyException;
import io.edgeledger.near.rpc.UnknownTransactionException;
import io.edgeledger.near.rpc.WaitUntil;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator behaves like a node: real signature checks, increasing nonces, expiring block hashes, the notary contract. */
class NearEmulatorRpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NearEmulator near;
    private static NearRpcClient rpc;

    @BeforeAll
    static void start() {
        near = NearEmulator.start(EmulatorOptions.defaults().withExpiryBlocks(5).withInitialNonce(1L << 60));
        rpc = new NearRpcClient(near.url(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        near.close();
    }

    private String argsJson(String tokenId) {
        return args(tokenId, near.signer().accountId()).toJson();
    }

    @Test
    void mintsAndAnswersViewsAndStatus() throws Exception {
        SignedTransaction tx = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0001"));
        TxOutcome outcome = rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.hash()).isEqualTo(tx.hashBase58());
        assertThat(outcome.logs()).anySatisfy(l -> assertThat(l).startsWith("EVENT_JSON:").contains("BATCH-2026-12-01-aaaa0001"));
        JsonNode token = JSON.readTree(rpc.callFunction(near.contractId(), "nft_token", "{\"token_id\":\"BATCH-2026-12-01-aaaa0001\"}").result());
        assertThat(token.path("owner_id").asText()).isEqualTo(near.signer().accountId());
        assertThat(token.path("metadata").path("copies").asLong()).isEqualTo(1);
        JsonNode summary = JSON.readTree(rpc.callFunction(near.contractId(), "get_batch_summary", "{\"token_id\":\"BATCH-2026-12-01-aaaa0001\"}").result());
        assertThat(summary.path("merkle_root").asText()).startsWith("3a4640");
        assertThat(rpc.callFunction(near.contractId(), "nft_token", "{\"token_id\":\"nope\"}").resultUtf8()).isEqualTo("null");
        assertThat(rpc.txStatus(tx.hashBase58(), near.signer().accountId(), WaitUntil.FINAL).succeeded()).isTrue();
        assertThat(rpc.blockByHash(outcome.blockHash()).height()).isPositive();
    }

    @Test
    void noncesAboveTwoToThe53AreExact() {
        AccessKeyView key = rpc.viewAccessKey(near.signer().accountId(), near.signer().keyPair().publicKey());
        assertThat(key.nonce()).isGreaterThanOrEqualTo(1L << 60);
        SignedTransaction tx = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0002"));
        rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC);
        assertThat(rpc.viewAccessKey(near.signer().accountId(), near.signer().keyPair().publicKey()).nonce())
                .isEqualTo(tx.transaction().nonce());
    }

    @Test
    void rejectsABadSignatureAndAppliesNothing() {
        SignedTransaction good = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0003"));
        byte[] signature = good.signature();
        signature[5] ^= 0x01;
        SignedTransaction bad = new SignedTransaction(good.transaction(), signature);
        int applied = near.appliedTransactions();

        assertThatThrownBy(() -> rpc.sendTx(bad, WaitUntil.EXECUTED_OPTIMISTIC)).isInstanceOf(InvalidSignatureException.class);
        assertThat(near.appliedTransactions()).isEqualTo(applied);
        assertThat(near.token("BATCH-2026-12-01-aaaa0003")).isNull();

        // signed by another key than the one the transaction names
        NearKeyPair other = NearKeyPair.generate();
        Transaction tx = good.transaction();
        SignedTransaction forged = new SignedTransaction(tx, other.sign(tx.hash()));
        assertThatThrownBy(() -> rpc.sendTx(forged, WaitUntil.EXECUTED_OPTIMISTIC)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void rejectsAReusedNonceWithTheKeysNonce() {
        SignedTransaction first = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0004"));
        rpc.sendTx(first, WaitUntil.EXECUTED_OPTIMISTIC);
        long used = first.transaction().nonce();
        SignedTransaction reuse = mintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0005"), used, Base58.decode(rpc.finalBlock().hash()));

        assertThatThrownBy(() -> rpc.sendTx(reuse, WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOfSatisfying(InvalidNonceException.class, e -> {
                    assertThat(e.akNonce()).isEqualTo(used);
                    assertThat(e.txNonce()).isEqualTo(used);
                });
        assertThat(near.token("BATCH-2026-12-01-aaaa0005")).isNull();
    }

    @Test
    void rejectsAnExpiredOrUnknownBlockHash() {
        SignedTransaction tx = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0006"));
        near.produceBlocks(6);
        assertThatThrownBy(() -> rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC)).isInstanceOf(TransactionExpiredException.class);

        long nonce = rpc.viewAccessKey(near.signer().accountId(), near.signer().keyPair().publicKey()).nextNonce();
        SignedTransaction unknownBlock = mintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0006"), nonce, new byte[32]);
        assertThatThrownBy(() -> rpc.sendTx(unknownBlock, WaitUntil.EXECUTED_OPTIMISTIC)).isInstanceOf(TransactionExpiredException.class);
        assertThat(near.token("BATCH-2026-12-01-aaaa0006")).isNull();
    }

    @Test
    void unknownKeysAndTransactionsAreTypedErrors() {
        NearKeyPair stranger = NearKeyPair.generate();
        assertThatThrownBy(() -> rpc.viewAccessKey(near.signer().accountId(), stranger.publicKey()))
                .isInstanceOf(UnknownAccessKeyException.class);
        assertThatThrownBy(() -> rpc.txStatus("AAxY2qcZHd6eNzMvVqshMZciFjTVCKt8GUXk5M4Ww3rv", near.signer().accountId(), WaitUntil.FINAL))
                .isInstanceOf(UnknownTransactionException.class);
        Transaction tx = new Transaction(near.signer().accountId(), stranger.publicKey(), 1, near.contractId(),
                Base58.decode(rpc.finalBlock().hash()), nextMintTx(near, rpc, "{}").transaction().actions());
        assertThatThrownBy(() -> rpc.sendTx(tx.sign(stranger), WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOf(UnknownAccessKeyException.class);
    }

    @Test
    void existingTokenIdPanicsAsAFailedResult() {
        String args = argsJson("BATCH-2026-12-01-aaaa0007");
        assertThat(rpc.sendTx(nextMintTx(near, rpc, args), WaitUntil.EXECUTED_OPTIMISTIC).succeeded()).isTrue();
        TxOutcome again = rpc.sendTx(nextMintTx(near, rpc, args), WaitUntil.EXECUTED_OPTIMISTIC);

        assertThat(again.failed()).isTrue();
        assertThat(again.failureMessage()).isEqualTo("Smart contract panicked: Token already exists");
        assertThat(near.tokenIds()).containsOnlyOnce("BATCH-2026-12-01-aaaa0007");
    }

    @Test
    void resendingTheSameSignedTransactionAppliesItOnce() {
        SignedTransaction tx = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0008"));
        int applied = near.appliedTransactions();
        TxOutcome first = rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC);
        TxOutcome second = rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC);

        assertThat(first.succeeded()).isTrue();
        assertThat(second.succeeded()).isTrue();
        assertThat(second.hash()).isEqualTo(first.hash());
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);
    }

    @Test
    void droppedResponseStillAppliesTheTransaction() {
        SignedTransaction tx = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa0009"));
        near.faults().next(Fault.Kind.DROP_RESPONSE);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOfSatisfying(io.edgeledger.near.rpc.NodeUnreachableException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        System.out.println("drop took ms " + (System.nanoTime() - t0) / 1_000_000);
        assertThat(rpc.txStatus(tx.hashBase58(), near.signer().accountId(), WaitUntil.FINAL).succeeded()).isTrue();
    }

    @Test
    void nodeTimeoutIsTypedAndOutcomeUnknown() {
        SignedTransaction tx = nextMintTx(near, rpc, argsJson("BATCH-2026-12-01-aaaa000a"));
        near.faults().next(Fault.Kind.LOSE);
        assertThatThrownBy(() -> rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC))
                .isInstanceOfSatisfying(io.edgeledger.near.rpc.RpcTimeoutException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThatThrownBy(() -> rpc.txStatus(tx.hashBase58(), near.signer().accountId(), WaitUntil.FINAL))
                .isInstanceOf(UnknownTransactionException.class);
    }
}
