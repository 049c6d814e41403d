package io.edgeledger.ledger.batch;

/**
 * The NEAR notarization state of a batch as the manifest records it. {@code status} is
 * {@code pending} until the minter writes {@code minted} with the transaction's hash and block.
 */
public record Mint(String status, String network, String contract, String tokenId, String txHash, String blockHash,
        Long blockHeight, String mintedAt) {
    public static final String PENDING = "pending";
    public static final String MINTED = "minted";

    public static Mint pending(String network, String contract, String tokenId) {
        return new Mint(PENDING, network, contract, tokenId, null, null, null, null);
    }

    public Mint minted(String txHash, String blockHash, Long blockHeight, String mintedAt) {
        return new Mint(MINTED, network, contract, tokenId, txHash, blockHash, blockHeight, mintedAt);
    }

    public boolean isMinted() {
        return MINTED.equals(status);
    }
}
