package io.edgeledger.near.notary;

import java.net.URI;
import java.util.function.Function;

/**
 * Which chain and notary the ledger is notarized on: the one owner of these settings, read alike by the minter
 * (which mints there), the API (which verifies there) and the local stack (whose NEAR emulator hosts them).
 * EDGELEDGER_NEAR_RPC, EDGELEDGER_NEAR_NETWORK, EDGELEDGER_NEAR_CONTRACT and EDGELEDGER_NEAR_ACCOUNT (the minter's
 * signer; the API looks mint transactions up by it). The defaults are the NEAR emulator's of ./edgeledger up, so an
 * unconfigured minter and API always agree; testnet and mainnet set all four (infra does).
 */
public record NotarySettings(URI rpc, String network, String contract, String account) {
    public static final String RPC = "EDGELEDGER_NEAR_RPC";
    public static final String NETWORK = "EDGELEDGER_NEAR_NETWORK";
    public static final String CONTRACT = "EDGELEDGER_NEAR_CONTRACT";
    public static final String ACCOUNT = "EDGELEDGER_NEAR_ACCOUNT";

    public static final String DEFAULT_RPC = "http://127.0.0.1:3030";
    public static final String DEFAULT_NETWORK = "emulator";
    public static final String DEFAULT_CONTRACT = "notary.emulator";
    public static final String DEFAULT_ACCOUNT = "minter.emulator";

    /** Reads the four settings by name; blank counts as unset. A bad RPC URL names the setting. */
    public static NotarySettings from(Function<String, String> lookup) {
        String rpc = value(lookup, RPC, DEFAULT_RPC);
        URI uri;
        try {
            uri = URI.create(rpc);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(RPC + "=" + rpc + " is not an http(s) URL (e.g. https://rpc.testnet.near.org)");
        }
        return new NotarySettings(uri, value(lookup, NETWORK, DEFAULT_NETWORK), value(lookup, CONTRACT, DEFAULT_CONTRACT),
                value(lookup, ACCOUNT, DEFAULT_ACCOUNT));
    }

    private static String value(Function<String, String> lookup, String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
