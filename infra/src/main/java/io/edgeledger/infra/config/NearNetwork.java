package io.edgeledger.infra.config;

import java.util.Optional;

/**
 * The NEAR network the minter notarizes on. Testnet has working defaults so a first deploy needs no
 * NEAR settings; mainnet has none on purpose: contract and signer account must be chosen explicitly.
 */
public enum NearNetwork {
    TESTNET("testnet", "https://rpc.testnet.near.org", "notary.edgeledger.testnet", "edgeledger.testnet"),
    MAINNET("mainnet", "https://rpc.mainnet.near.org", null, null);

    private final String id;
    private final String defaultRpcUrl;
    private final String defaultContract;
    private final String defaultAccount;

    NearNetwork(String id, String defaultRpcUrl, String defaultContract, String defaultAccount) {
        this.id = id;
        this.defaultRpcUrl = defaultRpcUrl;
        this.defaultContract = defaultContract;
        this.defaultAccount = defaultAccount;
    }

    public String id() {
        return id;
    }

    public String defaultRpcUrl() {
        return defaultRpcUrl;
    }

    public Optional<String> defaultContract() {
        return Optional.ofNullable(defaultContract);
    }

    public Optional<String> defaultAccount() {
        return Optional.ofNullable(defaultAccount);
    }

    public static Optional<NearNetwork> byId(String id) {
        for (NearNetwork n : values()) {
            if (n.id.equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
