package io.edgeledger.nearemu;

import io.edgeledger.near.codec.Base58;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The block sequence. A block is made per transaction (and optionally on a timer); a transaction's block hash
 * is valid while it is at most {@code expiryBlocks} behind the head, as nodes enforce with their validity period.
 * Not thread-safe: the emulator calls it under its state lock.
 */
final class Chain {
    private static final int KEEP_BLOCKS = 100_000;

    private final int expiryBlocks;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Block> byHash = new HashMap<>();

    Chain(int expiryBlocks) {
        this.expiryBlocks = expiryBlocks;
    }

    void genesis(long height) {
        add(new Block(height, digest(new byte[0], height, System.currentTimeMillis()), new byte[32], nowNanos()));
    }

    void restore(List<Block> saved) {
        saved.forEach(this::add);
    }

    Block head() {
        return blocks.get(blocks.size() - 1);
    }

    /** Appends a block whose hash commits to its parent, height, time and the given transaction hash (may be empty). */
    Block produce(byte[] content) {
        Block parent = head();
        long height = parent.height() + 1;
        long now = Math.max(nowNanos(), parent.timestampNanos() + 1);
        byte[] hash = digest(concat(parent.hash(), content), height, now);
        Block block = new Block(height, hash, parent.hash(), now);
        add(block);
        return block;
    }

    Block byHash(String base58) {
        return byHash.get(base58);
    }

    Block byHeight(long height) {
        long first = blocks.get(0).height();
        int index = (int) (height - first);
        return index >= 0 && index < blocks.size() ? blocks.get(index) : null;
    }

    /** True when a transaction signed over this block hash may still be included. */
    boolean withinValidity(byte[] blockHash) {
        Block block = byHash.get(Base58.encode(blockHash));
        return block != null && head().height() - block.height() <= expiryBlocks;
    }

    int expiryBlocks() {
        return expiryBlocks;
    }

    /** The most recent blocks, enough to keep recent hashes valid across a restart. */
    List<Block> recent(int count) {
        return List.copyOf(blocks.subList(Math.max(0, blocks.size() - count), blocks.size()));
    }

    private void add(Block block) {
        blocks.add(block);
        byHash.put(block.hashBase58(), block);
        if (blocks.size() > KEEP_BLOCKS) {
            Block old = blocks.remove(0);
            byHash.remove(old.hashBase58());
        }
    }

    private static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    private static byte[] digest(byte[] content, long height, long time) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content);
            sha.update(ByteBuffer.allocate(16).putLong(height).putLong(time).array());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
