package io.edgeledger.nearemu;

import io.edgeledger.near.notary.NotarySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./edgeledger near emulator --port P [--state FILE]}: runs the emulator until interrupted. */
@Command(name = "near-emulator", mixinStandardHelpOptions = true,
        description = "A local NEAR JSON-RPC node with the notary contract, for offline runs and tests.")
public final class EmulatorMain implements Callable<Integer> {
    @Option(names = "--port", description = "port to listen on (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port = 3030;

    @Option(names = "--host", description = "address to bind (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--state", description = "persist accounts, keys, tokens and outcomes in this JSON file")
    Path state;

    @Option(names = "--credentials-dir", description = "where to write <signer>.json (default: beside --state, else a temp dir)")
    Path credentialsDir;

    @Option(names = "--contract", description = "notary contract account (default ${DEFAULT-VALUE})")
    String contract = NotarySettings.DEFAULT_CONTRACT;

    @Option(names = "--signer", description = "funded signer account (default ${DEFAULT-VALUE})")
    String signer = NotarySettings.DEFAULT_ACCOUNT;

    @Option(names = "--block-interval-ms", description = "also produce an empty block this often (default ${DEFAULT-VALUE}; 0 = per transaction only)")
    long blockIntervalMs = 1000;

    @Option(names = "--expiry-blocks", description = "blocks a transaction's block hash stays valid (default ${DEFAULT-VALUE})")
    int expiryBlocks = 600;

    @Option(names = "--fault", description = "queue a fault for the next submissions: drop-response, invalid-nonce, delay:MS, timeout, lose, expire (repeatable)")
    List<String> faults = List.of();

    @Option(names = "--import-legacy", paramLabel = "FILE",
            description = "take over the tokens an original ETRAP agent minted, from its recorded mint_batch calls (JSON lines; repeatable)")
    List<Path> importLegacy = List.of();

    @Override
    public Integer call() throws InterruptedException {
        EmulatorOptions options = EmulatorOptions.defaults().withHost(host).withPort(port).withAccounts(contract, signer)
                .withBlockIntervalMs(blockIntervalMs).withExpiryBlocks(expiryBlocks).withStatePath(state)
                .withCredentialsDir(credentialsDir);
        List<Fault> queued = faults.stream().map(Fault::parse).toList();
        NearEmulator emulator = NearEmulator.start(options);
        queued.forEach(f -> emulator.faults().next(f));
        for (Path file : importLegacy) {
            try {
                NearEmulator.LegacyImport done = emulator.importLegacyMints(file);
                System.out.println("legacy tokens:     " + done.imported() + " imported, " + done.alreadyPresent() + " already present (" + file + ")");
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "near-emulator-shutdown"));
        System.out.println("NEAR emulator RPC: " + emulator.url());
        System.out.println("notary contract:   " + emulator.contractId());
        System.out.println("signer account:    " + emulator.signer().accountId() + " (" + emulator.signer().keyPair().publicKey() + ")");
        System.out.println("credentials JSON:  " + emulator.credentialsFile());
        if (state != null) {
            System.out.println("state file:        " + state.toAbsolutePath());
        }
        System.out.println("mint with: ./edgeledger near mint --rpc " + emulator.url() + " --account " + emulator.signer().accountId()
                + " --key-file " + emulator.credentialsFile() + " --contract " + emulator.contractId() + " --manifest MANIFEST.json");
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new EmulatorMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("near-emulator: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        System.exit(cli.execute(args));
    }
}
