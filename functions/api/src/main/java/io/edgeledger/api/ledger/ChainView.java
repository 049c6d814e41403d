package io.edgeledger.api.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.near.notary.NotarySettings;
import io.edgeledger.near.notary.NotaryViews;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NearRpcException;
import io.edgeledger.near.rpc.TxOutcome;
import io.edgeledger.near.rpc.UnknownTransactionException;
import io.edgeledger.near.rpc.WaitUntil;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the NEAR chain says about a batch: its notary token, the root it recorded, and the mint transaction. */
@ApplicationScoped
public class ChainView {
    private final NearRpcClient rpc;
    private final String contract;
    private final NotaryViews views;
    private final String network;
    private final String signer;

    public ChainView(ApiConfig config) {
        Config settings = ConfigProvider.getConfig();
        NotarySettings notary = NotarySettings.from(name -> settings.getOptionalValue(name, String.class).orElse(null));
        this.rpc = new NearRpcClient(notary.rpc(), Duration.ofMillis(config.near().timeoutMillis()));
        this.contract = notary.contract();
        this.views = new NotaryViews(rpc, contract);
        this.network = notary.network();
        this.signer = notary.account();
    }

    public String contract() {
        return contract;
    }

    public String network() {
        return network;
    }

    /** The token of a batch, or empty when none was minted. */
    public Optional<JsonNode> token(String batchId) {
        try {
            return views.token(batchId);
        } catch (NearRpcException e) {
            throw unavailable(e);
        }
    }

    /** The batch summary the contract stored at mint time (holds {@code merkle_root}). */
    public Optional<JsonNode> summary(String batchId) {
        try {
            return views.batchSummary(batchId);
        } catch (NearRpcException e) {
            throw unavailable(e);
        }
    }

    /** The mint transaction as the chain has it, or empty when the chain does not know the hash. */
    public Optional<TxOutcome> transaction(String txHash) {
        try {
            return Optional.of(rpc.txStatus(txHash, signer, WaitUntil.FINAL));
        } catch (UnknownTransactionException e) {
            return Optional.empty();
        } catch (NearRpcException e) {
            throw unavailable(e);
        }
    }

    private ApiException unavailable(Exception e) {
        return ApiException.unavailable("chain_unavailable", "could not ask the NEAR chain (" + network + ", " + contract
                + "): " + e.getMessage() + "; verification needs the chain and is not answered from S3 alone");
    }
}
