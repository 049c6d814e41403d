package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.notary.BatchSummary;
import io.edgeledger.near.notary.MintBatchArgs;
import io.edgeledger.near.notary.TokenMetadata;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.NearRpcException;
import io.edgeledger.near.rpc.TxOutcome;
import io.edgeledger.near.rpc.WaitUntil;
import io.edgeledger.near.tx.Action;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import io.edgeledger.testing.Property;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the arguments, a transaction our client signs is accepted by the emulator's real
 * signature check and the contract stores exactly the arguments sent; any single flipped bit is rejected
 * and nothing is applied.
 */
class SignVerifyPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NearEmulator near;
    private static NearRpcClient rpc;

    @BeforeAll
    static void start() {
        near = NearEmulator.start(EmulatorOptions.defaults().withInitialNonce((1L << 62) + 12345)
                .withSignerBalance(EmulatorOptions.ONE_NEAR.multiply(BigInteger.valueOf(1_000_000))));
        rpc = new NearRpcClient(near.url(), Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        near.close();
    }

    private static String text(SplittableRandom random, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(0, maxLength + 1);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x20, 0x7f);
                case 1 -> random.nextInt(0, 0x20);
                case 2 -> "\"\\/".charAt(random.nextInt(3));
                case 3 -> random.nextInt(0xa0, 0xd800);
                case 4 -> random.nextInt(0x1f300, 0x1f64f);
                default -> random.nextInt('a', 'z' + 1);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String maybe(SplittableRandom random, int maxLength) {
        return random.nextBoolean() ? text(random, maxLength) : null;
    }

    private static MintBatchArgs randomArgs(SplittableRandom random, int trial) {
        String tokenId = "T" + trial + "-" + text(random, 12);
        TokenMetadata metadata = new TokenMetadata(maybe(random, 30), maybe(random, 60), maybe(random, 20), maybe(random, 10),
                random.nextBoolean() ? random.nextLong(0, Long.MAX_VALUE) : null, maybe(random, 13), maybe(random, 13),
                maybe(random, 13), maybe(random, 13), maybe(random, 40), maybe(random, 40), maybe(random, 10));
        List<String> tables = new ArrayList<>();
        for (int i = random.nextInt(0, 4); i > 0; i--) {
            tables.add(text(random, 15));
        }
        BatchSummary summary = new BatchSummary(text(random, 20), tables, random.nextLong(0, Long.MAX_VALUE),
                random.nextLong(0, 1L << 32), text(random, 64), text(random, 20), text(random, 60), random.nextLong(0, Long.MAX_VALUE),
                new BatchSummary.OperationCounts(random.nextLong(0, 1L << 32), random.nextLong(0, 1L << 32), random.nextLong(0, 1L << 32)));
        return new MintBatchArgs(tokenId, near.signer().accountId(), metadata, summary);
    }

    private static SignedTransaction sign(MintBatchArgs args, SplittableRandom random) {
        long nonce = rpc.viewAccessKey(near.signer().accountId(), near.signer().keyPair().publicKey()).nextNonce();
        byte[] block = Base58.decode(rpc.finalBlock().hash());
        BigInteger deposit = BigInteger.TEN.pow(22).multiply(BigInteger.valueOf(random.nextInt(4, 1000)));
        long gas = random.nextLong(1, 300_000_000_000_000L);
        Action call = Action.FunctionCall.json("mint_batch", args.toJson(), gas, deposit);
        Transaction tx = new Transaction(near.signer().accountId(), near.signer().keyPair().publicKey(), nonce, near.contractId(),
                block, List.of(call));
        return tx.sign(near.signer().keyPair());
    }

    @Test
    void signedByUsVerifiedByTheNode() {
        int[] trial = {0};
        Property.forAll(40, random -> {
            MintBatchArgs args = randomArgs(random, trial[0]++);
            SignedTransaction tx = sign(args, random);
            TxOutcome outcome = rpc.sendTx(tx, WaitUntil.EXECUTED_OPTIMISTIC);

            assertThat(outcome.succeeded()).as(outcome.failureMessage()).isTrue();
            assertThat(outcome.hash()).isEqualTo(tx.hashBase58());
            JsonNode token = near.token(args.tokenId());
            JsonNode sentArgs = readTree(args.toJson());
            assertThat(token.path("token_id")).isEqualTo(sentArgs.path("token_id"));
            JsonNode metadata = token.path("metadata");
            sentArgs.path("token_metadata").properties().forEach(e -> assertThat(metadata.get(e.getKey())).isEqualTo(e.getValue()));
            JsonNode stored = readTree(rpc.callFunction(near.contractId(), "get_batch_summary",
                    JsonNodeFactory.instance.objectNode().put("token_id", args.tokenId()).toString()).resultUtf8());
            assertThat(stored).isEqualTo(sentArgs.path("batch_summary"));
        });
    }

    @Test
    void anyFlippedBitIsRejectedAndNothingApplies() {
        int[] trial = {0};
        Property.forAll(40, random -> {
            MintBatchArgs args = randomArgs(random, 100_000 + trial[0]++);
            byte[] borsh = sign(args, random).borsh();
            int bit = random.nextInt(borsh.length * 8);
            borsh[bit / 8] ^= (byte) (1 << (bit % 8));
            int applied = near.appliedTransactions();
            var params = JsonNodeFactory.instance.objectNode()
                    .put("signed_tx_base64", Base64.getEncoder().encodeToString(borsh)).put("wait_until", "EXECUTED_OPTIMISTIC");

            assertThatThrownBy(() -> rpc.call("send_tx", params)).as("bit %d", bit).isInstanceOf(NearRpcException.class);
            assertThat(near.appliedTransactions()).isEqualTo(applied);
            assertThat(near.token(args.tokenId())).isNull();
        });
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
