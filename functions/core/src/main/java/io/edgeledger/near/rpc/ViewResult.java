package io.edgeledger.near.rpc;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code query call_function}: the bytes the view returned (JSON for NEAR contracts) and the block it ran on. */
public record ViewResult(byte[] result, List<String> logs, long blockHeight, String blockHash) {
    public String resultUtf8() {
        return new String(result, StandardCharsets.UTF_8);
    }
}
