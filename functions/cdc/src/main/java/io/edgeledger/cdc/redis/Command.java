package io.edgeledger.cdc.redis;

import java.nio.charset.StandardCharsets;
import redis.clients.jedis.commands.ProtocolCommand;

/** The commands the CDC sends raw (with byte replies) rather than through Jedis's typed methods. */
public enum Command implements ProtocolCommand {
    XREADGROUP, XAUTOCLAIM, XPENDING, XRANGE, XADD, XACK, XGROUP, XINFO, SCAN;

    private final byte[] raw = name().getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] getRaw() {
        return raw;
    }
}
