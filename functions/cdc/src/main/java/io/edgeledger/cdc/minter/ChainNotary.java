package io.edgeledger.cdc.minter;

import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import java.util.Optional;
import java.util.function.Consumer;

/** The seam to the chain: mint a batch token (idempotently) and read back the root a token carries. */
public interface ChainNotary {

    /**
     * Mints unless the token exists (the client checks {@code nft_token} first). {@code beforeSend} gets each
     * signed transaction's hash before it is sent, to journal it durably.
     */
    MintResult mint(MintRequest request, Consumer<String> beforeSend);

    /** The merkle_root stored with the token, or empty if there is no such token. */
    Optional<String> rootOf(String tokenId);

    /** "emulator", "testnet" or "mainnet", and the contract account, for the manifest. */
    String network();

    String contract();
}
