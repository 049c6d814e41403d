package io.edgeledger.near.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NearRpcException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The notary contract's read-only views of one token: what the minter checks before it signs and what the
 * API's verification asks the chain. No keys needed. A view that does not answer JSON is a
 * {@link NearRpcException} with kind {@code BAD_ANSWER}.
 */
public final class NotaryViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NearRpcClient rpc;
    private final String contractId;

    public NotaryViews(NearRpcClient rpc, String contractId) {
        this.rpc = rpc;
        this.contractId = contractId;
    }

    /** {@code nft_token(token_id)}: the token JSON, or empty when it does not exist. */
    public Optional<JsonNode> token(String tokenId) {
        return view("nft_token", tokenId);
    }

    /** {@code get_batch_summary(token_id)}: the stored BatchSummary JSON (holds {@code merkle_root}), or empty. */
    public Optional<JsonNode> batchSummary(String tokenId) {
        return view("get_batch_summary", tokenId);
    }

    private Optional<JsonNode> view(String method, String tokenId) {
        String args = ArgsJson.write(Map.of("token_id", tokenId), ArgsJson.Style.COMPACT, true);
        String text = rpc.callFunction(contractId, method, args).resultUtf8();
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            throw new NearRpcException(method + " returned non-JSON: " + text, "BAD_ANSWER", null);
        }
    }
}
