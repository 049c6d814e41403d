package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.WaitUntil;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The minter survives every emulator fault with exactly one token and exactly one applied mint transaction,
 * and a second run mints nothing.
 */
class NotaryClientFaultTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static NearEmulator near;
    private static NotaryClient notary;

    @BeforeAll
    static void start() {
        near = NearEmulator.start(EmulatorOptions.defaults().withExpiryBlocks(20));
        NearRpcClient rpc = new NearRpcClient(near.url(), Duration.ofSeconds(4));
        NotaryConfig config = new NotaryConfig(near.contractId(), near.signer(), NotaryConfig.DEFAULT_DEPOSIT,
                NotaryConfig.DEFAULT_GAS, WaitUntil.EXECUTED_OPTIMISTIC, 6, 4, Duration.ofMillis(100));
        notary = new NotaryClient(rpc, config);
    }

    @AfterAll
    static void stop() {
        near.close();
    }

    private static MintRequest request() {
        String tokenId = "BATCH-2026-12-01-f" + String.format("%07x", COUNTER.incrementAndGet());
        return new MintRequest(EmulatorFixtures.args(tokenId, near.signer().accountId()), null);
    }

    @Test
    void mintsOnceAndReportsTheBlock() {
        MintRequest request = request();
        int applied = near.appliedTransactions();
        MintResult result = notary.mintBatch(request);

        assertThat(result.status()).isEqualTo(MintResult.Status.MINTED);
        assertThat(result.txHash()).isNotBlank();
        assertThat(result.blockHash()).isNotBlank();
        assertThat(result.blockHeight()).isPositive();
        assertThat(result.token().path("token_id").asText()).isEqualTo(request.tokenId());
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);

        MintResult again = notary.mintBatch(request);
        assertThat(again.status()).isEqualTo(MintResult.Status.ALREADY_MINTED);
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);

        MintResult withKnownTx = notary.mintBatch(new MintRequest(request.args(), result.txHash()));
        assertThat(withKnownTx.txHash()).isEqualTo(result.txHash());
        assertThat(withKnownTx.blockHeight()).isEqualTo(result.blockHeight());
    }

    @Test
    void aJournalOfSentTransactionsNamesTheOneThatMintedAfterTheAnswerWasLost() {
        MintRequest request = request();
        java.util.List<String> journal = new java.util.ArrayList<>();
        MintResult first = notary.mintBatch(request, journal::add);
        assertThat(journal).containsExactly(first.txHash()); // journaled before it was sent

        // A rerun that lost the answer (nothing in the manifest) but kept the journal, plus a hash that never landed.
        MintResult rerun = notary.mintBatch(request.withSentTxHashes(java.util.List.of("11111111111111111111111111111111",
                journal.get(0))));
        assertThat(rerun.status()).isEqualTo(MintResult.Status.ALREADY_MINTED);
        assertThat(rerun.txHash()).isEqualTo(first.txHash());
        assertThat(rerun.blockHeight()).isEqualTo(first.blockHeight());
        assertThat(notary.mintBatch(request).txHash()).as("without the journal the tx is unknown").isNull();
    }

    @ParameterizedTest
    @EnumSource(Fault.Kind.class)
    void survivesEachFaultWithExactlyOneToken(Fault.Kind kind) {
        MintRequest request = request();
        int applied = near.appliedTransactions();
        int submissions = near.submissions();
        near.faults().next(kind == Fault.Kind.DELAY ? Fault.delay(Duration.ofMillis(6000)) : Fault.of(kind));

        MintResult result = notary.mintBatch(request);

        assertThat(result.status()).isEqualTo(MintResult.Status.MINTED);
        assertThat(near.tokenIds()).containsOnlyOnce(request.tokenId());
        assertThat(near.appliedTransactions()).as("one applied mint transaction").isEqualTo(applied + 1);
        int sent = near.submissions() - submissions;
        if (kind == Fault.Kind.DROP_RESPONSE || kind == Fault.Kind.TIMEOUT) {
            assertThat(sent).as("applied but unanswered: found by tx status, not sent again").isEqualTo(1);
        } else {
            assertThat(sent).as("the fault forced a second submission").isGreaterThanOrEqualTo(2);
        }
        assertThat(near.faults().pending()).isZero();
        assertThat(notary.mintBatch(request).status()).isEqualTo(MintResult.Status.ALREADY_MINTED);
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);
    }

    @Test
    void survivesFaultsInARow() {
        MintRequest request = request();
        int applied = near.appliedTransactions();
        near.faults().next(Fault.Kind.LOSE, Fault.Kind.INVALID_NONCE, Fault.Kind.EXPIRE, Fault.Kind.DROP_RESPONSE, Fault.Kind.TIMEOUT);

        MintResult result = notary.mintBatch(request);

        assertThat(result.status()).isEqualTo(MintResult.Status.MINTED);
        assertThat(near.tokenIds()).containsOnlyOnce(request.tokenId());
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);
    }

    @Test
    void aTokenMintedBySomeoneElseMeanwhileIsReportedNotMintedAgain() {
        MintRequest request = request();
        // another minter (same key) gets there between our check and our send: our tx panics, we report the existing token
        NotaryClient other = notary;
        near.faults().next(Fault.Kind.INVALID_NONCE);
        other.mintBatch(request);
        int applied = near.appliedTransactions();
        MintResult result = notary.mintBatch(request);
        assertThat(result.alreadyMinted()).isTrue();
        assertThat(near.appliedTransactions()).isEqualTo(applied);
    }

    @Test
    void anExistingTokenWithAnotherRootIsAConflictNotAMint() {
        MintRequest request = request();
        notary.mintBatch(request);
        io.edgeledger.near.notary.MintBatchArgs a = request.args();
        io.edgeledger.near.notary.BatchSummary s = a.summary();
        io.edgeledger.near.notary.BatchSummary otherRoot = new io.edgeledger.near.notary.BatchSummary(s.databaseName(), s.tableNames(),
                s.timestamp(), s.txCount(), "00".repeat(32), s.s3Bucket(), s.s3Key(), s.sizeBytes(), s.operationCounts());
        MintRequest conflicting = new MintRequest(new io.edgeledger.near.notary.MintBatchArgs(a.tokenId(), a.receiverId(), a.metadata(), otherRoot), null);
        int applied = near.appliedTransactions();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notary.mintBatch(conflicting))
                .isInstanceOf(io.edgeledger.near.notary.MintConflictException.class).hasMessageContaining("00000000");
        assertThat(near.appliedTransactions()).isEqualTo(applied);
    }
}
