package io.edgeledger.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.codec.BorshReader;
import io.edgeledger.near.codec.BorshWriter;
import io.edgeledger.near.crypto.InvalidKeyException;
import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.crypto.NearPublicKey;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.testing.Property;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysAndCodecTest {
    static final String SECRET = "ed25519:4huF7ZkmyiWqvRbbrGtrz1tkVNuFLu6RqhVeRptURnrvGWnWJCiKE4GM7TNTFgzyczM9fpGUtcmYtdMuN5oxPJCt";
    static final String PUBLIC = "ed25519:4hiXHTMfRkzTH41Satx7ihbePYLPG2CkZNbyq19FFvjn";

    @Test
    void base58RoundTripsAndKeepsLeadingZeros() {
        Property.forAll(2000, random -> {
            byte[] bytes = new byte[random.nextInt(0, 80)];
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && random.nextInt(4) == 0; i++) {
                bytes[i] = 0;
            }
            assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
        });
        assertThat(Base58.encode(new byte[32])).isEqualTo("1".repeat(32));
        assertThatThrownBy(() -> Base58.decode("0OIl")).hasMessageContaining("invalid base58 character '0'");
    }

    @Test
    void borshIntegersAreLittleEndianAndChecked() {
        byte[] out = new BorshWriter().u32(1).u64(-1L).u128(BigInteger.TWO.pow(127)).string("é").toByteArray();
        BorshReader in = new BorshReader(out);
        assertThat(in.u32()).isEqualTo(1);
        assertThat(Long.toUnsignedString(in.u64())).isEqualTo("18446744073709551615");
        assertThat(in.u128()).isEqualTo(BigInteger.TWO.pow(127));
        assertThat(in.string()).isEqualTo("é");
        assertThatThrownBy(() -> new BorshWriter().u128(BigInteger.TWO.pow(128))).hasMessageContaining("u128 out of range");
        assertThatThrownBy(() -> new BorshReader(new byte[3]).u32()).hasMessageContaining("truncated");
    }

    /** The signed transactions of near-tx.json (made by near-api-js), as send_tx takes them. */
    static java.util.List<byte[]> vectorSignedTransactions() throws IOException {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SharedData.resolve("vectors/near-tx.json").toFile());
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        root.path("vectors").forEach(v -> out.add(java.util.Base64.getDecoder().decode(v.path("expected").path("signed_transaction_borsh_base64").asText())));
        assertThat(out).as("signed transactions in near-tx.json").isNotEmpty();
        return out;
    }

    @Test
    void truncatedOrPaddedSignedTransactionsAreRejected() throws IOException {
        for (byte[] valid : vectorSignedTransactions()) {
            assertThat(SignedTransaction.decode(valid).borsh()).isEqualTo(valid);
            for (int length = 0; length < valid.length; length++) {
                byte[] truncated = Arrays.copyOf(valid, length);
                assertThatThrownBy(() -> SignedTransaction.decode(truncated)).as("truncated to %d bytes", length)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            for (int extra = 1; extra <= 8; extra++) {
                byte[] padded = Arrays.copyOf(valid, valid.length + extra);
                assertThatThrownBy(() -> SignedTransaction.decode(padded)).as("padded by %d bytes", extra)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing bytes");
            }
        }
    }

    @Test
    void randomBytesDecodeOnlyWhenTheyAreExactlyASignedTransaction() {
        Property.forAll(300, random -> {
            byte[] garbage = new byte[random.nextInt(0, 400)];
            random.nextBytes(garbage);
            SignedTransaction decoded;
            try {
                decoded = SignedTransaction.decode(garbage);
            } catch (IllegalArgumentException expected) {
                return; // a clear error, never another exception type
            }
            assertThat(decoded.borsh()).as("whatever decodes must be exactly the bytes it came from").isEqualTo(garbage);
        });
    }

    @Test
    void secretKeysAreCheckedAndNeverPrinted() {
        NearKeyPair pair = NearKeyPair.parseSecretKey(SECRET);
        assertThat(pair.publicKey()).isEqualTo(NearPublicKey.parse(PUBLIC));
        assertThat(pair.toString()).doesNotContain(SECRET.substring(8)).contains("redacted");

        byte[] raw = Base58.decode(SECRET.substring(8));
        raw[40] ^= 1;
        assertThatThrownBy(() -> NearKeyPair.parseSecretKey("ed25519:" + Base58.encode(raw))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> NearKeyPair.parseSecretKey("secp256k1:abc")).hasMessageContaining("only ed25519");
        assertThatThrownBy(() -> NearKeyPair.parseSecretKey("ed25519:" + Base58.encode(new byte[10]))).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> NearPublicKey.parse("ed25519:0000")).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void readsAndWritesNearCliCredentials(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("acme.testnet.json");
        Files.writeString(file, "{\"account_id\":\"acme.testnet\",\"public_key\":\"" + PUBLIC + "\",\"private_key\":\"" + SECRET + "\"}");
        NearCredentials credentials = NearCredentials.read(file, null);
        assertThat(credentials.accountId()).isEqualTo("acme.testnet");
        assertThat(credentials.keyPair().publicKey().toString()).isEqualTo(PUBLIC);
        assertThat(credentials.toString()).doesNotContain(SECRET.substring(8));

        Path copy = dir.resolve("sub/copy.json");
        credentials.write(copy);
        assertThat(NearCredentials.read(copy, "acme.testnet").keyPair().secretKeyString()).isEqualTo(SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");

        assertThatThrownBy(() -> NearCredentials.read(file, "other.testnet")).hasMessageContaining("not other.testnet");
        Files.writeString(file, "{\"account_id\":\"acme.testnet\",\"public_key\":\"ed25519:6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt\",\"private_key\":\"" + SECRET + "\"}");
        assertThatThrownBy(() -> NearCredentials.read(file, null)).hasMessageContaining("does not match")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET.substring(8)));
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> NearCredentials.read(file, null)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void signaturesVerifyOnlyForTheSignedHash() {
        Property.forAll(50, random -> {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            NearKeyPair key = NearKeyPair.fromSeed(seed);
            byte[] message = new byte[32];
            random.nextBytes(message);
            byte[] signature = key.sign(message);
            assertThat(key.publicKey().verify(message, signature)).isTrue();
            byte[] other = Arrays.copyOf(message, 32);
            other[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            assertThat(key.publicKey().verify(other, signature)).isFalse();
        });
    }
}
