package io.edgeledger.api.auth;

import io.edgeledger.secrets.Secrets;
import java.util.Optional;
import java.util.function.Function;

/**
 * How operator keys are hashed at rest: HMAC-SHA256 with the pepper {@code operator_key_pepper} from the secret
 * EDGELEDGER_API_SECRET_ARN (the stack creates it), so a copy of Redis alone cannot confirm a guessed key. Without
 * that setting (a bare local run) keys are plain SHA-256, the format from before the pepper, which is also what a
 * peppered API accepts once and re-hashes. Plain Java: create-key uses it without Quarkus.
 */
public final class OperatorKeyPepper {
    public static final String SETTING = "EDGELEDGER_API_SECRET_ARN";
    public static final String FIELD = "operator_key_pepper";
    /** A key not found may mean the pepper was rotated: re-read the secret, but not more often than this. */
    private static final long REFRESH_INTERVAL_NANOS = 60_000_000_000L;

    private final Secrets secrets;
    private final String arn;
    private volatile long lastRefresh = System.nanoTime() - REFRESH_INTERVAL_NANOS;

    public OperatorKeyPepper(Secrets secrets, String arn) {
        this.secrets = secrets;
        this.arn = arn == null || arn.isBlank() ? null : arn.trim();
    }

    public static OperatorKeyPepper from(Function<String, String> settings) {
        return new OperatorKeyPepper(Secrets.shared(), settings.apply(SETTING));
    }

    /** The field under which {@code key} is stored now. */
    public String hash(String key) {
        return arn == null ? ApiKeyFormat.hash(key) : ApiKeyFormat.hmac(secrets.readField(SETTING, arn, FIELD), key);
    }

    /** Where a key made before the pepper sits (plain SHA-256), when that differs from {@link #hash}. */
    public Optional<String> legacyHash(String key) {
        return arn == null ? Optional.empty() : Optional.of(ApiKeyFormat.hash(key));
    }

    /** Forgets the cached pepper (at most once a minute); true when the next {@link #hash} may differ. */
    public boolean refresh() {
        long now = System.nanoTime();
        if (arn == null || now - lastRefresh < REFRESH_INTERVAL_NANOS) {
            return false;
        }
        lastRefresh = now;
        secrets.forget(arn);
        return true;
    }
}
