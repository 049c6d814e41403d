package io.edgeledger.cdc.streams;

/** An error reply ("-ERR ..."), kept as a value inside pipelined and MULTI/EXEC results. */
public record RedisErrorReply(String message) {
    public boolean is(String prefix) {
        return message.startsWith(prefix);
    }
}
