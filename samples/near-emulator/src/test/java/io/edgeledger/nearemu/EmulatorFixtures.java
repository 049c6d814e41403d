package io.edgeledger.nearemu;

import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.notary.BatchSummary;
import io.edgeledger.near.notary.MintBatchArgs;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.notary.TokenMetadata;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.tx.Action;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import java.math.BigInteger;
import java.util.List;

/** Small builders shared by the emulator tests. */
final class EmulatorFixtures {
    private EmulatorFixtures() {}

    static MintBatchArgs args(String tokenId, String receiver) {
        TokenMetadata metadata = new TokenMetadata("EdgeLedger batch " + tokenId, "test batch", null, null, 1L,
                "1714554125123", null, null, null, null, null, null);
        BatchSummary summary = new BatchSummary("etrapdb", List.of("public.orders"), 1714554000003L, 5,
                "3a46406371005bc4c8cf450be5653fafb82eea54614fdf06c18f91ccf41a9943", "edgeledger-ledger",
                "etrapdb/public.orders/" + tokenId + "/", 4567, new BatchSummary.OperationCounts(2, 1, 1));
        return new MintBatchArgs(tokenId, receiver, metadata, summary);
    }

    /** A mint_batch transaction from the emulator's signer with the key's next nonce over the head block. */
    static SignedTransaction mintTx(NearEmulator near, NearRpcClient rpc, String argsJson, long nonce, byte[] blockHash) {
        Action call = Action.FunctionCall.json("mint_batch", argsJson, NotaryConfig.DEFAULT_GAS, NotaryConfig.DEFAULT_DEPOSIT);
        Transaction tx = new Transaction(near.signer().accountId(), near.signer().keyPair().publicKey(), nonce,
                near.contractId(), blockHash, List.of(call));
        return tx.sign(near.signer().keyPair());
    }

    static SignedTransaction nextMintTx(NearEmulator near, NearRpcClient rpc, String argsJson) {
        long nonce = rpc.viewAccessKey(near.signer().accountId(), near.signer().keyPair().publicKey()).nextNonce();
        byte[] block = Base58.decode(rpc.finalBlock().hash());
        return mintTx(near, rpc, argsJson, nonce, block);
    }

    static BigInteger yocto(String near) {
        return NotaryConfig.nearToYocto(near);
    }
}
