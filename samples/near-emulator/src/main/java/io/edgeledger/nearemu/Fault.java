package io.edgeledger.nearemu;

import java.time.Duration;
import java.util.Locale;

/**
 * A misbehaviour for the next transaction submission, to test that clients retry safely.
 * <ul>
 * <li>{@code DROP_RESPONSE}: apply the transaction, then close the connection without answering.</li>
 * <li>{@code INVALID_NONCE}: someone else uses the signer's key first (its nonce moves on), so the node answers InvalidNonce.</li>
 * <li>{@code DELAY}: wait {@code delay} before processing (a slow node; clients time out).</li>
 * <li>{@code TIMEOUT}: apply, then answer TIMEOUT_ERROR as a node whose wait ran out.</li>
 * <li>{@code LOSE}: answer TIMEOUT_ERROR without applying (the transaction got lost).</li>
 * <li>{@code EXPIRE}: the chain moves past the validity window first, so the block hash has expired.</li>
 * </ul>
 */
public record Fault(Kind kind, Duration delay) {
    public enum Kind { DROP_RESPONSE, INVALID_NONCE, DELAY, TIMEOUT, LOSE, EXPIRE }

    public static Fault of(Kind kind) {
        return new Fault(kind, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, delay);
    }

    /** Parses {@code drop-response}, {@code invalid-nonce}, {@code delay:3000} (ms), {@code timeout}, {@code lose}, {@code expire}. */
    public static Fault parse(String text) {
        String[] parts = text.trim().split(":", 2);
        String name = parts[0].toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("DROP")) {
            name = "DROP_RESPONSE";
        }
        Kind kind;
        try {
            kind = Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault '" + text + "': use drop-response, invalid-nonce, delay:MS, timeout, lose or expire");
        }
        Duration delay = Duration.ZERO;
        if (parts.length == 2) {
            try {
                delay = Duration.ofMillis(Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault delay must be milliseconds: " + text);
            }
        } else if (kind == Kind.DELAY) {
            delay = Duration.ofSeconds(5);
        }
        return new Fault(kind, delay);
    }
}
