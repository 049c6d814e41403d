package io.edgeledger.cdc.minter;

import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link ChainNotary} on the NEAR notary contract through the core's {@link NotaryClient}. */
public final class NearNotary implements ChainNotary {
    private final NotaryClient client;
    private final String network;
    private final StepHook hook;

    public NearNotary(NotaryClient client, String network, StepHook hook) {
        this.client = client;
        this.network = network;
        this.hook = hook;
    }

    @Override
    public MintResult mint(MintRequest request, Consumer<String> beforeSend) {
        MintResult result = client.mintBatch(request, beforeSend);
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
