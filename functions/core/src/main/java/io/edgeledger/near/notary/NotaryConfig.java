package io.edgeledger.near.notary;

import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.rpc.WaitUntil;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Where and how to mint: the notary contract, the signer, the attached deposit and gas, and the retry budget.
 * Testnet and mainnet differ only in the RPC URL, these accounts and the key.
 */
public record NotaryConfig(String contractId, NearCredentials signer, BigInteger deposit, long gas, WaitUntil waitUntil,
                           int maxAttempts, int statusPolls, Duration pollInterval) {
    /** 0.5 NEAR in yoctoNEAR. */
    public static final BigInteger DEFAULT_DEPOSIT = new BigInteger("500000000000000000000000");
    /** 100 Tgas. */
    public static final long DEFAULT_GAS = 100_000_000_000_000L;

    public NotaryConfig {
        if (contractId == null || contractId.isBlank()) {
            throw new IllegalArgumentException("the notary contract account is not set");
        }
        if (deposit.signum() < 0) {
            throw new IllegalArgumentException("deposit must not be negative");
        }
        if (maxAttempts < 1 || statusPolls < 1) {
            throw new IllegalArgumentException("maxAttempts and statusPolls must be at least 1");
        }
    }

    public static NotaryConfig defaults(String contractId, NearCredentials signer) {
        return new NotaryConfig(contractId, signer, DEFAULT_DEPOSIT, DEFAULT_GAS, WaitUntil.EXECUTED_OPTIMISTIC, 6, 5,
                Duration.ofMillis(500));
    }

    public NotaryConfig withDeposit(BigInteger newDeposit) {
        return new NotaryConfig(contractId, signer, newDeposit, gas, waitUntil, maxAttempts, statusPolls, pollInterval);
    }

    public NotaryConfig withPollInterval(Duration interval) {
        return new NotaryConfig(contractId, signer, deposit, gas, waitUntil, maxAttempts, statusPolls, interval);
    }

    /** 1.5 NEAR → yoctoNEAR; accepts plain decimals with up to 24 fraction digits. */
    public static BigInteger nearToYocto(String near) {
        try {
            return new java.math.BigDecimal(near).movePointRight(24).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a NEAR amount with at most 24 decimals: " + near);
        }
    }
}
