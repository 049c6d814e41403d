package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cli.NearCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code edgeledger near mint} against the emulator: prints the tx hash, mints once however often and whatever the faults. */
class NearCliMintTest {
    private static NearEmulator near;
    @TempDir
    static Path dir;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() {
        near = NearEmulator.start(EmulatorOptions.defaults().withCredentialsDir(dir.resolve("credentials")));
    }

    @AfterAll
    static void stop() {
        near.close();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NearCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path manifest(String batchId) throws IOException {
        Path file = dir.resolve(batchId + ".json");
        Files.writeString(file, """
                {"batch_id":"%1$s","scheme":"rfc6962","leaf_scheme":"leaf-v2","database":"etrapdb","table":"public.orders",
                 "stream":"etrap.public.orders","first_entry_id":"1700000000000-0","last_entry_id":"1700000000123-4",
                 "root":"%2$s","leaf_count":123,"entry_count":125,
                 "operation_counts":{"inserts":1,"updates":2,"deletes":3,"snapshots":4,"truncates":0},
                 "first_timestamp_ms":1700000000000,"last_timestamp_ms":1700000000123,"sealed_at":"2026-12-01T22:00:00.000Z",
                 "size_bytes":4567,"s3_bucket":"edgeledger-ledger","s3_prefix":"etrapdb/public.orders/%1$s/",
                 "objects":{"batch-data.json":"%2$s"},
                 "mint":{"status":"pending","network":"emulator","contract":"notary.emulator","token_id":"%1$s",
                         "tx_hash":null,"block_hash":null,"block_height":null,"minted_at":null}}
                """.formatted(batchId, "cd".repeat(32)));
        return file;
    }

    static String[] mintArgs(Path manifest) {
        return new String[] {"mint", "--rpc", near.url().toString(), "--account", near.signer().accountId(),
                "--key-file", near.credentialsFile().toString(), "--contract", near.contractId(), "--manifest", manifest.toString(),
                "--timeout", "10"};
    }

    @Test
    void mintsOnceWhenRunTwice() throws IOException {
        Path manifest = manifest("BATCH-2026-12-01-0000c11a");
        int applied = near.appliedTransactions();

        Run first = run(mintArgs(manifest));
        assertThat(first.code()).as(first.err()).isZero();
        String hash = first.out().strip();
        assertThat(hash).matches("[1-9A-HJ-NP-Za-km-z]{43,44}");

        Run second = run(mintArgs(manifest));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("already minted").contains("BATCH-2026-12-01-0000c11a");
        assertThat(near.tokenIds()).containsOnlyOnce("BATCH-2026-12-01-0000c11a");
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);

        // a manifest that records the mint gets its transaction hash back
        Files.writeString(manifest, Files.readString(manifest).replace("\"tx_hash\":null", "\"tx_hash\":\"" + hash + "\""));
        Run third = run(mintArgs(manifest));
        assertThat(third.code()).isZero();
        assertThat(third.out().strip()).isEqualTo(hash);
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.Kind.class, names = {"DROP_RESPONSE", "INVALID_NONCE", "TIMEOUT", "LOSE", "EXPIRE"})
    void idempotentUnderEveryFault(Fault.Kind kind) throws IOException {
        String batchId = "BATCH-2026-12-01-" + String.format("%08x", kind.ordinal() + 0xfa000);
        Path manifest = manifest(batchId);
        int applied = near.appliedTransactions();
        near.faults().next(kind);

        Run first = run(mintArgs(manifest));
        near.faults().next(kind);
        Run second = run(mintArgs(manifest));

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(near.tokenIds()).containsOnlyOnce(batchId);
        assertThat(near.appliedTransactions()).isEqualTo(applied + 1);
        near.faults().clear();
    }

    @Test
    void badInputIsExitTwoAndNodeFailuresExitOne() throws IOException {
        Path manifest = manifest("BATCH-2026-12-01-0000bad0");
        Path brokenManifest = dir.resolve("broken.json");
        Files.writeString(brokenManifest, "{\"batch_id\":\"x\"}");
        Path wrongAccount = dir.resolve("wrong.json");
        Files.writeString(wrongAccount, Files.readString(near.credentialsFile()).replace(near.signer().accountId(), "someone.else"));

        String[] noManifest = mintArgs(dir.resolve("missing.json"));
        String[] broken = mintArgs(brokenManifest);
        String[] badKey = mintArgs(manifest);
        badKey[6] = wrongAccount.toString();
        String[] badUrl = mintArgs(manifest);
        badUrl[2] = "not a url";
        for (String[] args : new String[][] {noManifest, broken, badKey, badUrl, {"mint", "--rpc", "http://x"}}) {
            Run run = run(args);
            assertThat(run.code()).as(String.join(" ", args) + " -> " + run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("private_key");
        }

        String[] unreachable = mintArgs(manifest);
        unreachable[2] = "http://127.0.0.1:1/";
        Run run = run(unreachable);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("near: ");
        assertThat(near.tokenIds()).doesNotContain("BATCH-2026-12-01-0000bad0");
    }
}
