package io.edgeledger.ledger.store.s3;

import java.util.Map;
import java.util.Optional;

/**
 * Keys that sign S3 requests; {@code sessionToken} is set for temporary credentials (a Lambda's role).
 * {@link #toString()} never shows the secret or the token.
 */
record S3Credentials(String accessKey, String secretKey, String sessionToken) {

    /**
     * The settings' static keys, else the standard environment variables (AWS_ACCESS_KEY_ID,
     * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: what Lambda gives a function). Empty when neither is set:
     * the caller then needs the AWS SDK's full provider chain (profiles, instance or container roles).
     */
    static Optional<S3Credentials> resolve(S3Settings settings, Map<String, String> env) {
        if (settings.accessKey() != null && settings.secretKey() != null) {
            return Optional.of(new S3Credentials(settings.accessKey(), settings.secretKey(), null));
        }
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return Optional.of(new S3Credentials(id, secret, token == null || token.isBlank() ? null : token));
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=***" + (sessionToken != null ? ", sessionToken=***" : "") + "]";
    }
}
