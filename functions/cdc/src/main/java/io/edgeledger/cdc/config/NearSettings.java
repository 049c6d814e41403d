package io.edgeledger.cdc.config;

import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.notary.NotaryConfig;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where and as whom the minter notarizes. Defaults fit the local NEAR emulator of ./edgeledger up:
 * EDGELEDGER_NEAR_RPC (http://127.0.0.1:3030), EDGELEDGER_NEAR_NETWORK (emulator; testnet / mainnet are
 * only these settings), EDGELEDGER_NEAR_CONTRACT (notary.emulator), EDGELEDGER_NEAR_ACCOUNT
 * (minter.emulator), EDGELEDGER_NEAR_KEY_FILE (near-cli credentials JSON;
 * $EDGELEDGER_HOME/near/&lt;account&gt;.json), EDGELEDGER_NEAR_RECEIVER (the account), EDGELEDGER_NEAR_DEPOSIT
 * (0.5 NEAR per mint).
 */
public record NearSettings(URI rpc, String network, String contract, String account, Path keyFile, String receiver, BigInteger depositYocto) {

    public static NearSettings from(Settings s) {
        String account = s.string("EDGELEDGER_NEAR_ACCOUNT", "minter.emulator");
        String home = s.string("EDGELEDGER_HOME", ".edgeledger");
        String rpc = s.string("EDGELEDGER_NEAR_RPC", "http://127.0.0.1:3030");
        BigInteger deposit;
        try {
            deposit = NotaryConfig.nearToYocto(s.string("EDGELEDGER_NEAR_DEPOSIT", "0.5"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("EDGELEDGER_NEAR_DEPOSIT: " + e.getMessage());
        }
        try {
            return new NearSettings(URI.create(rpc), s.string("EDGELEDGER_NEAR_NETWORK", "emulator"),
                    s.string("EDGELEDGER_NEAR_CONTRACT", "notary.emulator"), account,
                    Path.of(s.string("EDGELEDGER_NEAR_KEY_FILE", home + "/near/" + account + ".json")),
                    s.string("EDGELEDGER_NEAR_RECEIVER", account), deposit);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("EDGELEDGER_NEAR_RPC=" + rpc + " is not a URL (e.g. https://rpc.testnet.near.org)");
        }
    }

    /** Reads the signer key; the message says which file and setting when it cannot. */
    public NearCredentials credentials() {
        try {
            return NearCredentials.read(keyFile, account);
        } catch (RuntimeException e) {
            throw new ConfigException("cannot read the NEAR signer key " + keyFile + " (EDGELEDGER_NEAR_KEY_FILE): " + e.getMessage());
        }
    }
}
