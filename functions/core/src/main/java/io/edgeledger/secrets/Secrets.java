package io.edgeledger.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Secret strings from AWS Secrets Manager, each read once and kept for the life of the process (a Lambda container),
 * until {@link #forget} after the value was refused (an auth failure: the secret may have been rotated). The SDK
 * finds region, credentials and endpoint itself (AWS_REGION, the Lambda role, AWS_ENDPOINT_URL_SECRETS_MANAGER), so
 * a local Secrets Manager is used the same way as AWS. Every failure is one {@link SecretsException} line naming the
 * setting and what to do.
 */
public final class Secrets {
    private static final Secrets SHARED = new Secrets();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient client;

    /** The process-wide cache: one client, one read per secret. */
    public static Secrets shared() {
        return SHARED;
    }

    /** The secret string of {@code arn}; {@code setting} is the variable that named it, for the error message. */
    public String read(String setting, String arn) {
        String cached = cache.get(arn);
        if (cached != null) {
            return cached;
        }
        String value = fetch(setting, arn);
        cache.put(arn, value);
        return value;
    }

    /**
     * One string field of a JSON secret ({@code {"operator_key_pepper": "..."}}); a secret that is not such an object
     * is an error naming the field, never showing the value.
     */
    public String readField(String setting, String arn, String field) {
        JsonNode node;
        try {
            node = JSON.readTree(read(setting, arn));
        } catch (JsonProcessingException e) {
            node = null;
        }
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SecretsException(setting + "=" + arn + ": the secret must be a JSON object with a non-empty string \""
                    + field + "\" (docs/deploy.md, 'Secrets')");
        }
        return value.asText();
    }

    /** Drops the cached value, so the next {@link #read} asks Secrets Manager again. */
    public void forget(String arn) {
        cache.remove(arn);
    }

    private String fetch(String setting, String arn) {
        GetSecretValueResponse response;
        try {
            response = client().getSecretValue(r -> r.secretId(arn));
        } catch (ResourceNotFoundException e) {
            throw new SecretsException(setting + "=" + arn + ": Secrets Manager has no such secret; create it (docs/deploy.md, "
                    + "'Secrets') or set " + setting + " to the ARN the stack printed");
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("AccessDeniedException".equals(code)) {
                throw new SecretsException(setting + "=" + arn + ": access denied to the secret; give this function's role "
                        + "secretsmanager:GetSecretValue on it (and kms:Decrypt on its key), as the CDK stack does");
            }
            throw new SecretsException(setting + "=" + arn + ": Secrets Manager refused GetSecretValue (" + code + ": "
                    + e.awsErrorDetails().errorMessage() + ")", e);
        } catch (SdkClientException e) {
            throw new SecretsException(setting + "=" + arn + ": Secrets Manager is not reachable (" + e.getMessage()
                    + "); check the network path (VPC endpoint or NAT) or AWS_ENDPOINT_URL_SECRETS_MANAGER", e);
        } catch (SdkException e) {
            throw new SecretsException(setting + "=" + arn + ": could not read the secret: " + e.getMessage(), e);
        }
        if (response.secretString() == null) {
            throw new SecretsException(setting + "=" + arn + ": the secret holds binary data; store it as a secret string");
        }
        return response.secretString();
    }

    private SecretsManagerClient client() {
        SecretsManagerClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    try {
                        client = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                    } catch (SdkClientException e) {
                        throw new SecretsException("cannot set up the Secrets Manager client: " + e.getMessage()
                                + " (set AWS_REGION, as Lambda does)", e);
                    }
                }
                c = client;
            }
        }
        return c;
    }
}
