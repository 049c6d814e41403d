package io.edgeledger.near.tx;

import io.edgeledger.near.codec.BorshReader;
import io.edgeledger.near.codec.BorshWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The transaction actions we send: contract calls and plain transfers (Borsh variants 2 and 3). */
public sealed interface Action {
    int FUNCTION_CALL = 2;
    int TRANSFER = 3;

    void writeTo(BorshWriter out);

    /** A contract call; {@code args} are the exact bytes the contract receives (UTF-8 JSON for mint_batch). */
    record FunctionCall(String methodName, byte[] args, long gas, BigInteger deposit) implements Action {
        public FunctionCall {
            if (methodName == null || methodName.isEmpty()) {
                throw new IllegalArgumentException("method_name is empty");
            }
            if (deposit.signum() < 0) {
                throw new IllegalArgumentException("deposit is negative");
            }
            args = args.clone();
        }

        public static FunctionCall json(String methodName, String argsJson, long gas, BigInteger deposit) {
            return new FunctionCall(methodName, argsJson.getBytes(StandardCharsets.UTF_8), gas, deposit);
        }

        @Override
        public byte[] args() {
            return args.clone();
        }

        public String argsUtf8() {
            return new String(args, StandardCharsets.UTF_8);
        }

        @Override
        public void writeTo(BorshWriter out) {
            out.u8(FUNCTION_CALL).string(methodName).bytes(args).u64(gas).u128(deposit);
        }
    }

    record Transfer(BigInteger deposit) implements Action {
        public Transfer {
            if (deposit.signum() < 0) {
                throw new IllegalArgumentException("deposit is negative");
            }
        }

        @Override
        public void writeTo(BorshWriter out) {
            out.u8(TRANSFER).u128(deposit);
        }
    }

    static Action readFrom(BorshReader in) {
        int variant = in.u8();
        return switch (variant) {
            case FUNCTION_CALL -> new FunctionCall(in.string(), in.bytes(), in.u64(), in.u128());
            case TRANSFER -> new Transfer(in.u128());
            default -> throw new IllegalArgumentException("borsh: unsupported action variant " + variant
                    + " (only FunctionCall=2 and Transfer=3 are understood)");
        };
    }
}
