package io.edgeledger.near.tx;

import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.codec.BorshReader;
import io.edgeledger.near.codec.BorshWriter;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.crypto.NearPublicKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A NEAR transaction (v0 layout). Its hash, the id the RPC reports, is SHA-256 of its Borsh bytes, and the
 * signature is over that hash. {@code nonce} is a u64 held in a long and read as unsigned.
 */
public record Transaction(String signerId, NearPublicKey publicKey, long nonce, String receiverId, byte[] blockHash,
                          List<Action> actions) {
    static final int KEY_TYPE_ED25519 = 0;

    public Transaction {
        if (blockHash.length != 32) {
            throw new IllegalArgumentException("block hash is 32 bytes, got " + blockHash.length);
        }
        blockHash = blockHash.clone();
        actions = List.copyOf(actions);
    }

    @Override
    public byte[] blockHash() {
        return blockHash.clone();
    }

    public byte[] borsh() {
        BorshWriter out = new BorshWriter();
        writeTo(out);
        return out.toByteArray();
    }

    void writeTo(BorshWriter out) {
        out.string(signerId).u8(KEY_TYPE_ED25519).fixed(publicKey.bytes(), 32).u64(nonce)
                .string(receiverId).fixed(blockHash, 32).u32(actions.size());
        for (Action action : actions) {
            action.writeTo(out);
        }
    }

    public byte[] hash() {
        return sha256(borsh());
    }

    public String hashBase58() {
        return Base58.encode(hash());
    }

    public SignedTransaction sign(NearKeyPair key) {
        if (!key.publicKey().equals(publicKey)) {
            throw new IllegalArgumentException("the signing key " + key.publicKey() + " is not the transaction's key " + publicKey);
        }
        return new SignedTransaction(this, key.sign(hash()));
    }

    static Transaction readFrom(BorshReader in) {
        String signer = in.string();
        int keyType = in.u8();
        if (keyType != KEY_TYPE_ED25519) {
            throw new IllegalArgumentException("borsh: unsupported key type " + keyType + " (only ed25519)");
        }
        NearPublicKey key = new NearPublicKey(in.fixed(32));
        long nonce = in.u64();
        String receiver = in.string();
        byte[] blockHash = in.fixed(32);
        long count = in.u32();
        if (count > in.remaining()) {
            throw new IllegalArgumentException("borsh: action count " + count + " exceeds the input");
        }
        Action[] actions = new Action[(int) count];
        for (int i = 0; i < count; i++) {
            actions[i] = Action.readFrom(in);
        }
        return new Transaction(signer, key, nonce, receiver, blockHash, List.of(actions));
    }

    public static Transaction decode(byte[] borsh) {
        BorshReader in = new BorshReader(borsh);
        Transaction tx = readFrom(in);
        in.requireEnd("the transaction");
        return tx;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
