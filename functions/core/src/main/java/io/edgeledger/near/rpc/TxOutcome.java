package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A {@code send_tx} / {@code tx} result. An executed call that failed (e.g. the contract panicked) is still a
 * result: {@link #failed()} is true and {@link #failureMessage()} says why.
 */
public record TxOutcome(JsonNode raw) {

    public String finalExecutionStatus() {
        return raw.path("final_execution_status").asText(null);
    }

    /** True when the node answered before execution (wait_until NONE/INCLUDED): status must be asked again. */
    public boolean pending() {
        return !raw.has("status");
    }

    public boolean succeeded() {
        return raw.path("status").has("SuccessValue") || raw.path("status").has("SuccessReceiptId");
    }

    public boolean failed() {
        return raw.path("status").has("Failure");
    }

    public String hash() {
        String hash = raw.path("transaction").path("hash").asText(null);
        return hash != null ? hash : raw.path("transaction_outcome").path("id").asText(null);
    }

    public String signerId() {
        return raw.path("transaction").path("signer_id").asText(null);
    }

    /** The block the transaction was included in. */
    public String blockHash() {
        return raw.path("transaction_outcome").path("block_hash").asText(null);
    }

    /** Decoded {@code status.SuccessValue} (the function's return value), or null. */
    public byte[] successValue() {
        JsonNode value = raw.path("status").get("SuccessValue");
        return value == null ? null : Base64.getDecoder().decode(value.asText());
    }

    /** The innermost failure text, e.g. "Smart contract panicked: Token already exists". */
    public String failureMessage() {
        JsonNode failure = raw.path("status").get("Failure");
        if (failure == null) {
            return null;
        }
        JsonNode execution = failure.findValue("ExecutionError");
        return execution != null ? execution.asText() : failure.toString();
    }

    public List<String> logs() {
        List<String> logs = new ArrayList<>();
        raw.path("transaction_outcome").path("outcome").path("logs").forEach(l -> logs.add(l.asText()));
        raw.path("receipts_outcome").forEach(r -> r.path("outcome").path("logs").forEach(l -> logs.add(l.asText())));
        return logs;
    }
}
