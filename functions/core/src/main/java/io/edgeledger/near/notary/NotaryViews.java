package io.edgeledger.near.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NearRpcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notary contract's read-only views of one token: what the minter checks before it signs and what the
 * API's verification asks the chain; and the enumeration of its tokens. No keys needed. A view that does not answer JSON is a
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

    /**
     * {@code nft_tokens(from_index, limit)} (NEP-181 enumeration): up to {@code limit} tokens from the contract's
     * {@code fromIndex}-th on, in its order. An empty list after the last one.
     */
    public List<JsonNode> tokens(long fromIndex, int limit) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("from_index", Long.toString(fromIndex)); // U128: a JSON string
        args.put("limit", limit);
        JsonNode page = parse("nft_tokens", rpc.callFunction(contractId, "nft_tokens", ArgsJson.write(args, ArgsJson.Style.COMPACT, true)).resultUtf8());
        if (page == null || !page.isArray()) {
            throw new NearRpcException("nft_tokens returned no list: " + page, "BAD_ANSWER", null);
        }
        List<JsonNode> tokens = new ArrayList<>();
        page.forEach(tokens::add);
        return tokens;
    }

    public String contractId() {
        return contractId;
    }

    private Optional<JsonNode> view(String method, String tokenId) {
        String args = ArgsJson.write(Map.of("token_id", tokenId), ArgsJson.Style.COMPACT, true);
        JsonNode node = parse(method, rpc.callFunction(contractId, method, args).resultUtf8());
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private static JsonNode parse(String method, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new NearRpcException(method + " returned non-JSON: " + text, "BAD_ANSWER", null);
        }
    }
}
