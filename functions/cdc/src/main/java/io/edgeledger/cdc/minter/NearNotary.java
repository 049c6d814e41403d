package io.edgeledger.cdc.minter;

import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.rpc.InvalidSignatureException;
import io.edgeledger.near.rpc.UnknownAccessKeyException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ChainNotary} on the NEAR notary contract through the core's {@link NotaryClient}. The signer key is kept for
 * the container's life; when the chain refuses it (no such access key, or a bad signature: the key was rotated), the
 * key is read again from its source ({@code reconnect}) and the mint tried once more with it. The refused transaction
 * never reached the chain, so nothing can be minted twice.
 */
public final class NearNotary implements ChainNotary {
    private final Supplier<NotaryClient> reconnect;
    private final String network;
    private final StepHook hook;
    private volatile NotaryClient client;

    /** {@code reconnect} builds a client with the signer key read afresh (after forgetting the kept one). */
    public NearNotary(NotaryClient client, Supplier<NotaryClient> reconnect, String network, StepHook hook) {
        this.client = client;
        this.reconnect = reconnect;
        this.network = network;
        this.hook = hook;
    }

    public NearNotary(NotaryClient client, String network, StepHook hook) {
        this(client, null, network, hook);
    }

    @Override
    public MintResult mint(MintRequest request, Consumer<String> beforeSend) {
        MintResult result;
        try {
            result = client.mintBatch(request, beforeSend);
        } catch (UnknownAccessKeyException | InvalidSignatureException refused) {
            NotaryClient fresh = reconnect == null ? null : reconnect.get();
            if (fresh == null || fresh.config().signer().keyPair().publicKey().equals(client.config().signer().keyPair().publicKey())) {
                throw refused; // the same key again: not a rotation, so the error stands
            }
            client = fresh;
            result = client.mintBatch(request, beforeSend);
        }
        // The transaction is on chain; a crash here loses the answer, which the next run must cope with.
        hook.reached(Step.DURING_MINT);
        return result;
    }

    @Override
    public Optional<String> rootOf(String tokenId) {
        return client.batchSummary(tokenId).map(summary -> summary.path("merkle_root").asText(null));
    }

    @Override
    public String network() {
        return network;
    }

    @Override
    public String contract() {
        return client.config().contractId();
    }
}
