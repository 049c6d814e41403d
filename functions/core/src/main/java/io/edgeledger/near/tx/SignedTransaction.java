package io.edgeledger.near.tx;

import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.codec.BorshReader;
import io.edgeledger.near.codec.BorshWriter;
import java.util.Base64;

/** A transaction with its ed25519 signature; {@link #base64()} is what {@code send_tx} takes. */
public record SignedTransaction(Transaction transaction, byte[] signature) {
    public SignedTransaction {
        if (signature.length != 64) {
            throw new IllegalArgumentException("an ed25519 signature is 64 bytes, got " + signature.length);
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] borsh() {
        BorshWriter out = new BorshWriter();
        transaction.writeTo(out);
        out.u8(Transaction.KEY_TYPE_ED25519).fixed(signature, 64);
        return out.toByteArray();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(borsh());
    }

    public byte[] hash() {
        return transaction.hash();
    }

    public String hashBase58() {
        return transaction.hashBase58();
    }

    /** {@code ed25519:<base58>}, as RPC views print signatures. */
    public String signatureString() {
        return "ed25519:" + Base58.encode(signature);
    }

    /** True when the signature is valid for the transaction's own public key over its hash. */
    public boolean verifySignature() {
        return transaction.publicKey().verify(transaction.hash(), signature);
    }

    public static SignedTransaction decode(byte[] borsh) {
        BorshReader in = new BorshReader(borsh);
        Transaction tx = Transaction.readFrom(in);
        int keyType = in.u8();
        if (keyType != Transaction.KEY_TYPE_ED25519) {
            throw new IllegalArgumentException("borsh: unsupported signature type " + keyType);
        }
        byte[] signature = in.fixed(64);
        in.requireEnd("the signed transaction");
        return new SignedTransaction(tx, signature);
    }

    public static SignedTransaction decodeBase64(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signed transaction is not base64: " + e.getMessage());
        }
        return decode(raw);
    }
}
