package io.edgeledger.nearemu;

import io.edgeledger.near.notary.NotarySettings;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * How to run the emulator. Defaults suit tests: a free loopback port, blocks only when transactions arrive,
 * a 100-block validity window, a random signer key unless a seed is given.
 *
 * @param port            0 picks a free port
 * @param blockIntervalMs also produce an empty block this often (0 = only one block per transaction)
 * @param expiryBlocks    a transaction's block hash must be at most this many blocks behind the head
 * @param initialNonce    the signer key's starting nonce; null = height × 10^6 as nodes do
 * @param statePath       persist accounts, keys, tokens and outcomes here (null = in memory only)
 * @param credentialsDir  where to write {@code <signer>.json}; null = beside the state file, or a temp dir
 */
public record EmulatorOptions(String host, int port, String contractId, String signerAccountId, byte[] signerSeed,
                              BigInteger signerBalance, long initialHeight, Long initialNonce, long blockIntervalMs,
                              int expiryBlocks, Path statePath, Path credentialsDir) {
    public static final BigInteger ONE_NEAR = BigInteger.TEN.pow(24);

    public static EmulatorOptions defaults() {
        return new EmulatorOptions("127.0.0.1", 0, NotarySettings.DEFAULT_CONTRACT, NotarySettings.DEFAULT_ACCOUNT, null,
                ONE_NEAR.multiply(BigInteger.valueOf(1000)), 100_000, null, 0, 100, null, null);
    }

    public EmulatorOptions withPort(int newPort) {
        return new EmulatorOptions(host, newPort, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, statePath, credentialsDir);
    }

    public EmulatorOptions withExpiryBlocks(int blocks) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, blocks, statePath, credentialsDir);
    }

    public EmulatorOptions withBlockIntervalMs(long interval) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                initialNonce, interval, expiryBlocks, statePath, credentialsDir);
    }

    public EmulatorOptions withInitialNonce(Long nonce) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                nonce, blockIntervalMs, expiryBlocks, statePath, credentialsDir);
    }

    public EmulatorOptions withSignerSeed(byte[] seed) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, seed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, statePath, credentialsDir);
    }

    public EmulatorOptions withSignerBalance(BigInteger balance) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, signerSeed, balance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, statePath, credentialsDir);
    }

    public EmulatorOptions withStatePath(Path path) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, path, credentialsDir);
    }

    public EmulatorOptions withCredentialsDir(Path dir) {
        return new EmulatorOptions(host, port, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, statePath, dir);
    }

    public EmulatorOptions withAccounts(String contract, String signer) {
        return new EmulatorOptions(host, port, contract, signer, signerSeed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, statePath, credentialsDir);
    }

    public EmulatorOptions withHost(String newHost) {
        return new EmulatorOptions(newHost, port, contractId, signerAccountId, signerSeed, signerBalance, initialHeight,
                initialNonce, blockIntervalMs, expiryBlocks, statePath, credentialsDir);
    }
}
