package io.edgeledger.nearemu;

/** A contract call that panicked; the message is what near-sdk's require!/panic would report. */
final class ContractPanic extends RuntimeException {
    ContractPanic(String message) {
        super(message, null, false, false);
    }
}
