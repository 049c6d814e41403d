package io.edgeledger.nearemu;

import io.edgeledger.near.crypto.NearPublicKey;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account: its balance and full-access keys with their nonces (u64 held in a long, unsigned). Mutated under the state lock. */
final class Account {
    final String id;
    BigInteger amount;
    final Map<NearPublicKey, Long> keyNonces = new LinkedHashMap<>();

    Account(String id, BigInteger amount) {
        this.id = id;
        this.amount = amount;
    }
}
