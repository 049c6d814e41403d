package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.tx.Action;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Validates and applies a signed transaction like a node, in nearcore's order: validity period (Expired),
 * signature over SHA-256 of the Borsh transaction (InvalidSignature), signer, access key, nonce must increase
 * (InvalidNonce with ak_nonce/tx_nonce), balance; then executes the actions. A transaction already applied is
 * answered with its stored outcome, never applied twice. Callers hold the state lock.
 */
final class TransactionExecutor {
    static final BigInteger GAS_PRICE = BigInteger.valueOf(100_000_000L);
    private static final long TX_GAS_BURNT = 2_428_158_265_344L;
    private static final long CALL_GAS_BURNT = 6_185_523_874_826L;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final NodeState state;

    TransactionExecutor(NodeState state) {
        this.state = state;
    }

    /** Returns the stored outcome (full form) of the transaction, applying it first if it is new. */
    ObjectNode submit(SignedTransaction signed, byte[] raw) {
        Transaction tx = signed.transaction();
        String hash = signed.hashBase58();
        NodeState.StoredTx known = state.txs.get(hash);
        if (known != null) {
            return known.outcome();
        }
        if (!state.chain.withinValidity(tx.blockHash())) {
            throw RpcError.invalidTx("Expired");
        }
        if (!Ed25519Check.verify(raw, tx.publicKey().bytes())) {
            throw RpcError.invalidTx("InvalidSignature");
        }
        Account signer = state.accounts.get(tx.signerId());
        if (signer == null) {
            ObjectNode reason = F.objectNode();
            reason.putObject("SignerDoesNotExist").put("signer_id", tx.signerId());
            throw RpcError.invalidTx(reason);
        }
        Long akNonce = signer.keyNonces.get(tx.publicKey());
        if (akNonce == null) {
            ObjectNode reason = F.objectNode();
            reason.putObject("InvalidAccessKeyError").putObject("AccessKeyNotFound")
                    .put("account_id", tx.signerId()).put("public_key", tx.publicKey().toString());
            throw RpcError.invalidTx(reason);
        }
        if (Long.compareUnsigned(tx.nonce(), akNonce) <= 0) {
            ObjectNode reason = F.objectNode();
            reason.putObject("InvalidNonce").put("ak_nonce", u64(akNonce)).put("tx_nonce", u64(tx.nonce()));
            throw RpcError.invalidTx(reason);
        }
        BigInteger deposit = BigInteger.ZERO;
        BigInteger prepaidGas = BigInteger.ZERO;
        for (Action action : tx.actions()) {
            switch (action) {
                case Action.FunctionCall call -> {
                    deposit = deposit.add(call.deposit());
                    prepaidGas = prepaidGas.add(new BigInteger(Long.toUnsignedString(call.gas())));
                }
                case Action.Transfer transfer -> deposit = deposit.add(transfer.deposit());
            }
        }
        BigInteger cost = deposit.add(prepaidGas.multiply(GAS_PRICE));
        if (signer.amount.compareTo(cost) < 0) {
            ObjectNode reason = F.objectNode();
            reason.putObject("NotEnoughBalance").put("signer_id", tx.signerId())
                    .put("balance", signer.amount.toString()).put("cost", cost.toString());
            throw RpcError.invalidTx(reason);
        }
        signer.keyNonces.put(tx.publicKey(), tx.nonce());
        Block block = state.chain.produce(signed.hash());
        ObjectNode outcome = execute(signed, signer, block);
        state.txs.put(hash, new NodeState.StoredTx(tx.signerId(), outcome, block.height()));
        return outcome;
    }

    private ObjectNode execute(SignedTransaction signed, Account signer, Block block) {
        Transaction tx = signed.transaction();
        String hash = signed.hashBase58();
        String receiptId = derivedId(signed.hash(), 1);
        BigInteger txBurnt = BigInteger.valueOf(TX_GAS_BURNT).multiply(GAS_PRICE);
        signer.amount = signer.amount.subtract(txBurnt);

        ObjectNode status = F.objectNode();
        ArrayNode logs = F.arrayNode();
        JsonNode failure = null;
        byte[] returned = new byte[0];
        for (int i = 0; i < tx.actions().size() && failure == null; i++) {
            Action action = tx.actions().get(i);
            try {
                returned = apply(action, signer, tx.receiverId(), logs);
            } catch (ContractPanic panic) {
                failure = actionError(i, functionCallError(F.textNode("Smart contract panicked: " + panic.getMessage())));
            } catch (ActionFailure e) {
                failure = actionError(i, e.kind);
            }
        }
        if (failure != null) {
            status.set("Failure", failure);
        } else {
            status.put("SuccessValue", Base64.getEncoder().encodeToString(returned));
        }
        BigInteger callBurnt = BigInteger.valueOf(CALL_GAS_BURNT).multiply(GAS_PRICE);
        signer.amount = signer.amount.subtract(callBurnt);

        ObjectNode result = F.objectNode();
        result.put("final_execution_status", "EXECUTED_OPTIMISTIC");
        result.set("status", status);
        result.set("transaction", transactionView(signed));
        ObjectNode txOutcome = result.putObject("transaction_outcome");
        txOutcome.putArray("proof");
        txOutcome.put("block_hash", block.hashBase58());
        txOutcome.put("id", hash);
        ObjectNode txInner = txOutcome.putObject("outcome");
        txInner.putArray("logs");
        txInner.putArray("receipt_ids").add(receiptId);
        txInner.put("gas_burnt", TX_GAS_BURNT);
        txInner.put("tokens_burnt", txBurnt.toString());
        txInner.put("executor_id", tx.signerId());
        txInner.putObject("status").put("SuccessReceiptId", receiptId);
        ObjectNode txMeta = txInner.putObject("metadata");
        txMeta.put("version", 1);
        txMeta.putNull("gas_profile");

        ObjectNode receipt = result.putArray("receipts_outcome").addObject();
        receipt.putArray("proof");
        receipt.put("block_hash", block.hashBase58());
        receipt.put("id", receiptId);
        ObjectNode inner = receipt.putObject("outcome");
        inner.set("logs", logs);
        inner.putArray("receipt_ids").add(derivedId(signed.hash(), 2));
        inner.put("gas_burnt", CALL_GAS_BURNT);
        inner.put("tokens_burnt", callBurnt.toString());
        inner.put("executor_id", tx.receiverId());
        inner.set("status", status.deepCopy());
        ObjectNode meta = inner.putObject("metadata");
        meta.put("version", 3);
        meta.putArray("gas_profile");
        return result;
    }

    /** Applies one action; a failed action refunds its deposit (nothing else of it stays applied). */
    private byte[] apply(Action action, Account signer, String receiverId, ArrayNode logs) {
        Account receiver = state.accounts.get(receiverId);
        if (receiver == null) {
            ObjectNode kind = F.objectNode();
            kind.putObject("AccountDoesNotExist").put("account_id", receiverId);
            throw new ActionFailure(kind);
        }
        return switch (action) {
            case Action.Transfer transfer -> {
                signer.amount = signer.amount.subtract(transfer.deposit());
                receiver.amount = receiver.amount.add(transfer.deposit());
                yield new byte[0];
            }
            case Action.FunctionCall call -> {
                if (!receiverId.equals(state.contractId)) {
                    ObjectNode missing = F.objectNode();
                    missing.putObject("CompilationError").putObject("CodeDoesNotExist").put("account_id", receiverId);
                    throw new ActionFailure(functionCallError(missing));
                }
                if (!call.methodName().equals("mint_batch")) {
                    throw new ActionFailure(functionCallError(F.objectNode().put("MethodResolveError", "MethodNotFound")));
                }
                NotaryContract.CallResult result = state.notary.mintBatch(call.args(), call.deposit());
                signer.amount = signer.amount.subtract(call.deposit());
                receiver.amount = receiver.amount.add(call.deposit());
                result.logs().forEach(logs::add);
                yield result.value();
            }
        };
    }

    /** The transaction as RPC views show it: nonce and gas as JSON numbers, deposits as strings. */
    static ObjectNode transactionView(SignedTransaction signed) {
        Transaction tx = signed.transaction();
        ObjectNode view = F.objectNode();
        view.put("signer_id", tx.signerId());
        view.put("public_key", tx.publicKey().toString());
        view.put("nonce", u64(tx.nonce()));
        view.put("receiver_id", tx.receiverId());
        ArrayNode actions = view.putArray("actions");
        for (Action action : tx.actions()) {
            switch (action) {
                case Action.FunctionCall call -> {
                    ObjectNode body = actions.addObject().putObject("FunctionCall");
                    body.put("method_name", call.methodName());
                    body.put("args", Base64.getEncoder().encodeToString(call.args()));
                    body.put("gas", u64(call.gas()));
                    body.put("deposit", call.deposit().toString());
                }
                case Action.Transfer transfer -> actions.addObject().putObject("Transfer").put("deposit", transfer.deposit().toString());
            }
        }
        view.put("priority_fee", 0);
        view.put("signature", signed.signatureString());
        view.put("hash", signed.hashBase58());
        return view;
    }

    private static ObjectNode functionCallError(JsonNode error) {
        ObjectNode kind = F.objectNode();
        ObjectNode fce = kind.putObject("FunctionCallError");
        if (error.isTextual()) {
            fce.set("ExecutionError", error);
        } else {
            fce.setAll((ObjectNode) error);
        }
        return kind;
    }

    private static ObjectNode actionError(int index, JsonNode kind) {
        ObjectNode failure = F.objectNode();
        ObjectNode actionError = failure.putObject("ActionError");
        actionError.put("index", index);
        actionError.set("kind", kind);
        return failure;
    }

    static BigInteger u64(long unsigned) {
        return new BigInteger(Long.toUnsignedString(unsigned));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String derivedId(byte[] txHash, int index) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(txHash);
            sha.update(ByteBuffer.allocate(4).putInt(index).array());
            return Base58.encode(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An action that failed outside the contract (no receiver, no contract code). */
    private static final class ActionFailure extends RuntimeException {
        final JsonNode kind;

        ActionFailure(JsonNode kind) {
            super(kind.toString(), null, false, false);
            this.kind = kind;
        }
    }

}
