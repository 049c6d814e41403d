package io.edgeledger.near.notary;

import java.util.LinkedHashMap;
import java.util.Map;

/** The arguments of the notary contract's {@code mint_batch(token_id, receiver_id, token_metadata, batch_summary)}. */
public record MintBatchArgs(String tokenId, String receiverId, TokenMetadata metadata, BatchSummary summary) {

    public Map<String, Object> toArgs(boolean keepNullMetadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token_id", tokenId);
        m.put("receiver_id", receiverId);
        m.put("token_metadata", metadata.toArgs(keepNullMetadata));
        m.put("batch_summary", summary.toArgs());
        return m;
    }

    /** What we send: compact, absent metadata omitted, pure ASCII (non-ASCII escaped). */
    public String toJson() {
        return ArgsJson.write(toArgs(false), ArgsJson.Style.COMPACT, true);
    }

    /** The original Python agent's bytes: json.dumps defaults, nulls kept. */
    public String toAgentJson() {
        return ArgsJson.write(toArgs(true), ArgsJson.Style.PYTHON, true);
    }
}
