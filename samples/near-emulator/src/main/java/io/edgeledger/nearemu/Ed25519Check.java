package io.edgeledger.nearemu;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The node's signature check, written against the JDK's own Ed25519 and SHA-256 rather than the client code in
 * functions/core, so a test that signs with our client and submits here is not checking our code against itself.
 * Works on the bytes as received: a signed transaction is Borsh(Transaction) ‖ u8 key type ‖ 64-byte signature, and
 * NEAR signs SHA-256(Borsh(Transaction)).
 */
final class Ed25519Check {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int SIGNATURE_TAIL = 1 + 64;

    private Ed25519Check() {}

    static boolean verify(byte[] signedTransaction, byte[] publicKey) {
        if (signedTransaction.length <= SIGNATURE_TAIL || publicKey.length != 32
                || signedTransaction[signedTransaction.length - SIGNATURE_TAIL] != 0) {
            return false;
        }
        int txLength = signedTransaction.length - SIGNATURE_TAIL;
        try {
            byte[] txHash = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(signedTransaction, txLength));
            byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, der, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(txHash);
            return check.verify(Arrays.copyOfRange(signedTransaction, txLength + 1, signedTransaction.length));
        } catch (GeneralSecurityException e) {
            return false; // not a point on the curve, or a malformed signature: invalid either way
        }
    }
}
