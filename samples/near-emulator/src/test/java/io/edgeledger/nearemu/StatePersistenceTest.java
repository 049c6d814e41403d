package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.WaitUntil;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a state file, tokens, nonces, outcomes, recent blocks and the signer key survive a restart. */
class StatePersistenceTest {

    @Test
    void survivesARestart(@TempDir Path dir) {
        EmulatorOptions options = EmulatorOptions.defaults().withStatePath(dir.resolve("state.json"));
        MintRequest request = new MintRequest(EmulatorFixtures.args("BATCH-2026-12-01-57a7e001", "minter.emulator"), null);
        MintResult first;
        String publicKey;
        long nonce;
        try (NearEmulator near = NearEmulator.start(options)) {
            assertThat(near.credentialsFile()).isEqualTo(dir.resolve("near-credentials/minter.emulator.json"));
            first = client(near).mintBatch(request);
            publicKey = near.signer().keyPair().publicKey().toString();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    uncheck(() -> java.nio.file.Files.getPosixFilePermissions(dir.resolve("state.json"))))).isEqualTo("rw-------");
            nonce = near.accessKeyNonce(near.signer().accountId(), near.signer().keyPair().publicKey());
        }
        try (NearEmulator near = NearEmulator.start(options)) {
            assertThat(near.signer().keyPair().publicKey().toString()).isEqualTo(publicKey);
            assertThat(near.tokenIds()).containsExactly("BATCH-2026-12-01-57a7e001");
            assertThat(near.accessKeyNonce(near.signer().accountId(), near.signer().keyPair().publicKey())).isEqualTo(nonce);
            NearRpcClient rpc = new NearRpcClient(near.url(), Duration.ofSeconds(10));
            assertThat(rpc.txStatus(first.txHash(), near.signer().accountId(), WaitUntil.FINAL).succeeded()).isTrue();
            assertThat(client(near).mintBatch(request).alreadyMinted()).isTrue();
            MintResult next = client(near).mintBatch(new MintRequest(EmulatorFixtures.args("BATCH-2026-12-01-57a7e002", "minter.emulator"), null));
            assertThat(next.status()).isEqualTo(MintResult.Status.MINTED);
            assertThat(next.blockHeight()).isGreaterThan(first.blockHeight());
        }
    }

    private static NotaryClient client(NearEmulator near) {
        return new NotaryClient(new NearRpcClient(near.url(), Duration.ofSeconds(10)), NotaryConfig.defaults(near.contractId(), near.signer()));
    }

    interface IoSupplier<T> {
        T get() throws java.io.IOException;
    }

    private static <T> T uncheck(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
