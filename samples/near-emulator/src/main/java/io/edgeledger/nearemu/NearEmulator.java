package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.crypto.NearPublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local NEAR JSON-RPC node for tests and offline runs. Start it with {@link #start(EmulatorOptions)}; it
 * creates the notary contract account and a funded signer account whose key it writes as a near-cli
 * credentials file. Close it to stop the server.
 *
 * <pre>{@code
 * try (NearEmulator near = NearEmulator.start(EmulatorOptions.defaults())) {
 *     URI rpc = near.url();  String contract = near.contractId();  NearCredentials signer = near.signer();
 * }
 * }</pre>
 */
public final class NearEmulator implements AutoCloseable {
    private final EmulatorOptions options;
    private final NodeState state;
    private final Faults faults = new Faults();
    private final RpcServer server;
    private final NearCredentials signer;
    private final Path credentialsFile;
    private final StateStore store;
    private final ScheduledExecutorService blockTimer;

    private NearEmulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.state = new NodeState(new Chain(options.expiryBlocks()), options.contractId());
        this.store = options.statePath() == null ? null : new StateStore(options.statePath());
        byte[] seed;
        if (store != null && store.exists()) {
            seed = store.load(state);
        } else {
            seed = options.signerSeed() != null ? options.signerSeed().clone() : io.edgeledger.near.crypto.Ed25519.newSeed();
            state.chain.genesis(options.initialHeight());
            long nonce = options.initialNonce() != null ? options.initialNonce() : options.initialHeight() * 1_000_000L;
            NearKeyPair key = NearKeyPair.fromSeed(seed);
            Account signerAccount = new Account(options.signerAccountId(), options.signerBalance());
            signerAccount.keyNonces.put(key.publicKey(), nonce);
            state.accounts.put(signerAccount.id, signerAccount);
            Account contract = new Account(options.contractId(), EmulatorOptions.ONE_NEAR.multiply(BigInteger.TEN));
            contract.keyNonces.put(NearKeyPair.generate().publicKey(), nonce);
            state.accounts.put(contract.id, contract);
        }
        this.signer = new NearCredentials(options.signerAccountId(), NearKeyPair.fromSeed(seed));
        this.seed = seed;
        this.credentialsFile = credentialsDir(options).resolve(options.signerAccountId() + ".json");
        signer.write(credentialsFile);
        persist();
        this.server = new RpcServer(state, faults, this::persist, options.host(), options.port());
        this.blockTimer = options.blockIntervalMs() > 0 ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "near-emulator-blocks");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    private final byte[] seed;

    public static NearEmulator start(EmulatorOptions options) {
        try {
            NearEmulator emulator = new NearEmulator(options);
            emulator.server.start();
            if (emulator.blockTimer != null) {
                emulator.blockTimer.scheduleAtFixedRate(emulator::produceEmptyBlock, options.blockIntervalMs(),
                        options.blockIntervalMs(), TimeUnit.MILLISECONDS);
            }
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the NEAR emulator: " + e.getMessage(), e);
        }
    }

    public static NearEmulator start() {
        return start(EmulatorOptions.defaults());
    }

    public URI url() {
        return URI.create("http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":" + server.port() + "/");
    }

    public int port() {
        return server.port();
    }

    public String contractId() {
        return options.contractId();
    }

    /** The funded signer account and its key (the same as the credentials file). */
    public NearCredentials signer() {
        return signer;
    }

    public Path credentialsFile() {
        return credentialsFile;
    }

    /** Queue misbehaviour for the next transaction submissions. */
    public Faults faults() {
        return faults;
    }

    /** How many transaction submissions (send_tx / broadcast_*) arrived, including rejected and resent ones. */
    public int submissions() {
        return server.submissions.get();
    }

    public List<String> tokenIds() {
        synchronized (state) {
            return new ArrayList<>(state.notary.tokens.keySet());
        }
    }

    public JsonNode token(String tokenId) {
        synchronized (state) {
            JsonNode token = state.notary.tokens.get(tokenId);
            return token == null ? null : token.deepCopy();
        }
    }

    /** Number of transactions applied (each consumed a nonce), whatever their outcome. */
    public int appliedTransactions() {
        synchronized (state) {
            return state.txs.size();
        }
    }

    public long headHeight() {
        synchronized (state) {
            return state.chain.head().height();
        }
    }

    /** The current nonce of an access key, or null when the account has no such key. */
    public Long accessKeyNonce(String accountId, NearPublicKey key) {
        synchronized (state) {
            Account account = state.accounts.get(accountId);
            return account == null ? null : account.keyNonces.get(key);
        }
    }

    /** Adds (or funds) an account with a full-access key, e.g. for a second signer in tests. */
    public void addAccount(String accountId, NearPublicKey key, BigInteger amount) {
        synchronized (state) {
            Account account = state.accounts.computeIfAbsent(accountId, id -> new Account(id, BigInteger.ZERO));
            account.amount = account.amount.add(amount);
            account.keyNonces.putIfAbsent(key, state.chain.head().height() * 1_000_000L);
            persist();
        }
    }

    /** Deletes an access key from an account, as a key rotation does with the old key. */
    public void removeKey(String accountId, NearPublicKey key) {
        synchronized (state) {
            Account account = state.accounts.get(accountId);
            if (account != null) {
                account.keyNonces.remove(key);
                persist();
            }
        }
    }

    /** What {@link #importLegacyMints} did: tokens added, and tokens that were already there unchanged. */
    public record LegacyImport(int imported, int alreadyPresent) {}

    /**
     * Takes over the tokens an original ETRAP agent minted, from its recorded {@code mint_batch} calls (one JSON
     * object per line: {@code method_name}, {@code args}), so legacy batches verify against this chain as they
     * would against theirs. Idempotent; a bad line is an {@link IllegalArgumentException} naming it, and nothing of
     * the file is imported then.
     */
    public LegacyImport importLegacyMints(Path mintsJsonl) {
        List<byte[]> calls = LegacyMints.read(mintsJsonl);
        synchronized (state) {
            NotaryContract trial = new NotaryContract();
            trial.tokens.putAll(state.notary.tokens);
            trial.summaries.putAll(state.notary.summaries);
            int imported = 0;
            for (int i = 0; i < calls.size(); i++) {
                try {
                    imported += trial.importToken(calls.get(i)) ? 1 : 0;
                } catch (ContractPanic e) {
                    throw new IllegalArgumentException(mintsJsonl + " call " + (i + 1) + ": " + e.getMessage());
                }
            }
            state.notary.tokens.putAll(trial.tokens);
            state.notary.summaries.putAll(trial.summaries);
            persist();
            return new LegacyImport(imported, calls.size() - imported);
        }
    }

    /** Advances the chain, e.g. to let a block hash expire. */
    public void produceBlocks(int count) {
        synchronized (state) {
            for (int i = 0; i < count; i++) {
                state.chain.produce(new byte[0]);
            }
            persist();
        }
    }

    private void produceEmptyBlock() {
        synchronized (state) {
            state.chain.produce(new byte[0]);
        }
    }

    private void persist() {
        if (store != null) {
            synchronized (state) {
                store.save(state, seed);
            }
        }
    }

    private static Path credentialsDir(EmulatorOptions options) throws IOException {
        if (options.credentialsDir() != null) {
            return options.credentialsDir();
        }
        if (options.statePath() != null) {
            Path parent = options.statePath().toAbsolutePath().getParent();
            return parent.resolve("near-credentials");
        }
        return Files.createTempDirectory("near-emulator-credentials-");
    }

    @Override
    public void close() {
        if (blockTimer != null) {
            blockTimer.shutdownNow();
        }
        server.stop();
        persist();
    }
}
