package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything the emulated node knows. All access goes through {@code synchronized (state)}. */
final class NodeState {
    /** An applied transaction: who sent it, its full outcome, and the block that included it. */
    record StoredTx(String signerId, ObjectNode outcome, long blockHeight) {}

    final Chain chain;
    final String contractId;
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final NotaryContract notary = new NotaryContract();
    final Map<String, StoredTx> txs = new LinkedHashMap<>();

    NodeState(Chain chain, String contractId) {
        this.chain = chain;
        this.contractId = contractId;
    }
}
