package io.edgeledger.near.rpc;

/** How long {@code send_tx} / {@code tx} wait before answering (nearcore's TxExecutionStatus). */
public enum WaitUntil {
    NONE, INCLUDED, EXECUTED_OPTIMISTIC, INCLUDED_FINAL, EXECUTED, FINAL
}
