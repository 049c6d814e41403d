package io.edgeledger.infra.lambda;

/**
 * Environment variables the stacks set on the functions: the contract between infra and functions/api,
 * functions/cdc, using the names those modules (and functions/core's S3Settings) read. Secrets are never put
 * here, only the ARNs of the Secrets Manager secrets that hold them.
 */
public final class FunctionEnv {
    /** Which @Named Quarkus handler a plain (non-HTTP) Lambda runs: cdc-batcher or near-minter. */
    public static final String QUARKUS_LAMBDA_HANDLER = "QUARKUS_LAMBDA_HANDLER";
    /** Working directory of the CDC functions: only /tmp is writable on Lambda. */
    public static final String HOME = "EDGELEDGER_HOME";
    public static final String LAMBDA_HOME = "/tmp/edgeledger";
    /** rediss://host:port (ElastiCache in-transit encryption is always on). */
    public static final String REDIS_URL = "EDGELEDGER_REDIS_URL";
    public static final String LEDGER_BUCKET = "EDGELEDGER_S3_BUCKET";
    public static final String RESULTS_BUCKET = "EDGELEDGER_ARCHIVE_BUCKET";
    /** JSON secret {"operator_key_pepper": "..."} used to hash operator API keys at rest. */
    public static final String API_SECRET_ARN = "EDGELEDGER_API_SECRET_ARN";
    public static final String CDC_STREAM_PREFIX = "EDGELEDGER_CDC_PREFIX";
    public static final String NEAR_NETWORK = "EDGELEDGER_NEAR_NETWORK";
    /** The NEAR RPC, network, contract and minter account: functions/core's NotarySettings, read by the API and the minter alike. */
    public static final String API_NEAR_RPC_URL = "EDGELEDGER_NEAR_RPC";
    public static final String CDC_NEAR_RPC = "EDGELEDGER_NEAR_RPC";
    public static final String NEAR_CONTRACT = "EDGELEDGER_NEAR_CONTRACT";
    public static final String NEAR_ACCOUNT = "EDGELEDGER_NEAR_ACCOUNT";
    public static final String NEAR_DEPOSIT = "EDGELEDGER_NEAR_DEPOSIT";
    /** {"account_id": "...", "private_key": "ed25519:..."} (a near-cli credentials file): the minter's key. */
    public static final String NEAR_SIGNER_SECRET_ARN = "EDGELEDGER_NEAR_SIGNER_SECRET_ARN";
    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    public static final String QUARKUS_HANDLER_CLASS =
            "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** provided.al2023 runs {@code bootstrap}; the handler setting is required but unused there. */
    public static final String NATIVE_HANDLER = "not.used.in.provided.runtime";
    /** A Quarkus native executable leaves signal handling to the Lambda runtime (as Quarkus' own templates set it). */
    public static final String DISABLE_SIGNAL_HANDLERS = "DISABLE_SIGNAL_HANDLERS";
    /** C1 only: a short-lived function gains more from a fast start than from C2's peak speed. */
    public static final String FAST_START_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private FunctionEnv() {
    }
}
