package io.edgeledger.near.notary;

/**
 * The token id exists on chain but notarizes a different Merkle root: the batch was re-sealed differently or
 * someone else minted that id. Never reported as "already minted"; an operator has to look.
 */
public final class MintConflictException extends MintFailedException {
    public MintConflictException(String message) {
        super(message);
    }
}
