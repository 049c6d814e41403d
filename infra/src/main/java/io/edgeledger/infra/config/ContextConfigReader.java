package io.edgeledger.infra.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@link InfraConfig} from CDK context ({@code cdk synth -c key=value}, cdk.json, or the app's own
 * arguments). Values arrive as strings from the command line and as JSON numbers/booleans from cdk.json,
 * so both are accepted. All problems are collected and reported together, each naming its key.
 */
public final class ContextConfigReader {
    public static final String STAGE = "stage";
    public static final String NEAR_NETWORK = "nearNetwork";
    public static final String NEAR_RPC_URL = "nearRpcUrl";
    public static final String NEAR_CONTRACT = "nearContract";
    public static final String NEAR_ACCOUNT = "nearAccount";
    public static final String NEAR_DEPOSIT = "nearDepositNear";
    public static final String NEAR_SIGNER_SECRET_ARN = "nearSignerSecretArn";
    public static final String CACHE = "cache";
    public static final String CACHE_ENGINE = "cacheEngine";
    public static final String CACHE_NODE_TYPE = "cacheNodeType";
    public static final String CACHE_NODES = "cacheNodes";
    public static final String ARCHITECTURE = "architecture";
    public static final String FUNCTION_RUNTIME = "functionRuntime";
    public static final String SNAP_START = "snapStart";
    /** The former API-only switch; SnapStart now covers all three functions. */
    static final String API_SNAP_START = "apiSnapStart";
    public static final String API_MEMORY_MB = "apiMemoryMb";
    public static final String CDC_MEMORY_MB = "cdcMemoryMb";
    public static final String API_THROTTLE_RATE = "apiThrottleRate";
    public static final String API_THROTTLE_BURST = "apiThrottleBurst";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String LEDGER_OBJECT_LOCK_DAYS = "ledgerObjectLockDays";
    public static final String LEDGER_OBJECT_LOCK_MODE = "ledgerObjectLockMode";
    public static final String RESULTS_EXPIRE_DAYS = "resultsArchiveExpireDays";
    public static final String CDC_STREAM_PREFIX = "cdcStreamPrefix";
    public static final String NAT_GATEWAYS = "natGateways";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String MINT_BACKLOG_ALARM_SECONDS = "mintBacklogAlarmSeconds";

    /** The retention periods CloudWatch Logs accepts; anything else fails at deploy time, so reject it now. */
    static final Set<Integer> LOG_RETENTIONS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern STAGE_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    // NEAR account ids: 2..64 chars of lowercase parts joined by '.', '-' or '_' (nomicon "Account ID" rules).
    private static final Pattern NEAR_ACCOUNT_PATTERN =
            Pattern.compile("(([a-z\\d]+[-_])*[a-z\\d]+\\.)*([a-z\\d]+[-_])*[a-z\\d]+");
    private static final Pattern SECRET_ARN_PATTERN =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern STREAM_PREFIX_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern NODE_TYPE_PATTERN = Pattern.compile("cache\\.[a-z0-9]+\\.[a-z0-9]+");

    private final Function<String, Object> context;
    private final List<String> problems = new ArrayList<>();

    private ContextConfigReader(Function<String, Object> context) {
        this.context = context;
    }

    /** @throws InfraConfigException listing every invalid or missing value */
    public static InfraConfig read(Function<String, Object> context) {
        return new ContextConfigReader(context).read();
    }

    private InfraConfig read() {
        String stage = string(STAGE, "dev");
        if (!STAGE_PATTERN.matcher(stage).matches()) {
            problem(STAGE, stage, "use 1-16 lowercase letters, digits or '-', starting with a letter (e.g. dev, prod)");
        }
        NearConfig near = near();
        CacheConfig cache = cache();
        FunctionsConfig functions = new FunctionsConfig(
                oneOf(ARCHITECTURE, "arm64", Set.of("arm64", "x86_64")),
                functionRuntime(),
                snapStart(),
                integer(API_MEMORY_MB, 1024, 128, 10240),
                integer(CDC_MEMORY_MB, 1024, 128, 10240),
                integer(API_THROTTLE_RATE, 50, 1, 10000),
                integer(API_THROTTLE_BURST, 100, 1, 5000));
        int logRetention = integer(LOG_RETENTION_DAYS, 30, 1, 3653);
        if (!LOG_RETENTIONS.contains(logRetention)) {
            problem(LOG_RETENTION_DAYS, String.valueOf(logRetention),
                    "CloudWatch Logs accepts only " + new TreeSet<>(LOG_RETENTIONS));
        }
        int lockDays = integer(LEDGER_OBJECT_LOCK_DAYS, 0, 0, 36500);
        String lockMode = oneOf(LEDGER_OBJECT_LOCK_MODE, "governance", Set.of("governance", "compliance"));
        ObjectLock lock = new ObjectLock(lockDays, ObjectLock.Mode.valueOf(lockMode.toUpperCase(Locale.ROOT)));
        int resultsExpire = integer(RESULTS_EXPIRE_DAYS, 365, 0, 36500);
        String prefix = string(CDC_STREAM_PREFIX, "etrap");
        if (!STREAM_PREFIX_PATTERN.matcher(prefix).matches()) {
            problem(CDC_STREAM_PREFIX, prefix, "use Debezium's topic.prefix: letters, digits, '_', '.', '-'");
        }
        // The minter reaches the public NEAR RPC from private subnets, so there must be a NAT gateway.
        int nat = integer(NAT_GATEWAYS, 1, 1, 3);
        Optional<String> email = optionalString(ALARM_EMAIL);
        email.filter(e -> !EMAIL_PATTERN.matcher(e).matches())
                .ifPresent(e -> problem(ALARM_EMAIL, e, "give one e-mail address for the alarm topic"));
        int backlog = integer(MINT_BACKLOG_ALARM_SECONDS, 900, 60, 86400);

        if (!problems.isEmpty()) {
            throw new InfraConfigException("invalid CDK context (set values with `cdk synth -c key=value` or in "
                    + "infra/cdk.json):\n  - " + String.join("\n  - ", problems));
        }
        return new InfraConfig(stage, near, cache, functions, logRetention, lock, resultsExpire, prefix, nat,
                email, backlog);
    }

    private NearConfig near() {
        String networkId = string(NEAR_NETWORK, NearNetwork.TESTNET.id());
        Optional<NearNetwork> parsed = NearNetwork.byId(networkId);
        if (parsed.isEmpty()) {
            problem(NEAR_NETWORK, networkId, "use testnet or mainnet");
        }
        NearNetwork network = parsed.orElse(NearNetwork.TESTNET);
        String rpc = string(NEAR_RPC_URL, network.defaultRpcUrl());
        if (!rpc.startsWith("https://")) {
            problem(NEAR_RPC_URL, rpc, "the NEAR RPC must be an https:// URL");
        }
        String contract = nearAccount(NEAR_CONTRACT, network, network.defaultContract());
        String account = nearAccount(NEAR_ACCOUNT, network, network.defaultAccount());
        String deposit = string(NEAR_DEPOSIT, "0.5");
        try {
            if (new BigDecimal(deposit).signum() < 0) {
                problem(NEAR_DEPOSIT, deposit, "the deposit cannot be negative");
            }
        } catch (NumberFormatException e) {
            problem(NEAR_DEPOSIT, deposit, "give the deposit in NEAR as a decimal number, e.g. 0.5");
        }
        Optional<String> secretArn = optionalString(NEAR_SIGNER_SECRET_ARN);
        secretArn.filter(a -> !SECRET_ARN_PATTERN.matcher(a).matches()).ifPresent(a -> problem(
                NEAR_SIGNER_SECRET_ARN, a, "give the full ARN of a Secrets Manager secret (arn:aws:secretsmanager:...)"));
        return new NearConfig(network, rpc, contract, account, deposit, secretArn);
    }

    private String nearAccount(String key, NearNetwork network, Optional<String> fallback) {
        Optional<String> value = optionalString(key).or(() -> fallback);
        if (value.isEmpty()) {
            problems.add(key + " is required on " + network.id() + " (there is no default there): -c " + key + "=...");
            return "";
        }
        String id = value.get();
        if (id.length() < 2 || id.length() > 64 || !NEAR_ACCOUNT_PATTERN.matcher(id).matches()) {
            problem(key, id, "not a NEAR account id (2-64 lowercase chars, parts joined by '.', '-' or '_')");
        }
        return id;
    }

    private FunctionRuntime functionRuntime() {
        String id = oneOf(FUNCTION_RUNTIME, "jvm", Set.of("jvm", "jvm-aot", "native"));
        return java.util.Arrays.stream(FunctionRuntime.values()).filter(r -> r.id().equals(id)).findFirst().orElse(FunctionRuntime.JVM);
    }

    /**
     * On by default for the JVM runtime; Lambda offers no SnapStart for a native (provided.al2023) function. With
     * jvm-aot it applies to the CDC functions (java21); the API runs on provided.al2023 without it.
     */
    private boolean snapStart() {
        optionalString(API_SNAP_START).ifPresent(v -> problem(API_SNAP_START, v,
                "renamed to snapStart, which now covers all three functions (default true)"));
        boolean native_ = optionalString(FUNCTION_RUNTIME).map("native"::equals).orElse(false);
        boolean on = bool(SNAP_START, !native_);
        if (on && native_) {
            problem(SNAP_START, "true", "SnapStart is for the java21 runtime only; drop it with functionRuntime=native");
            return false;
        }
        return on;
    }

    private CacheConfig cache() {
        String kind = oneOf(CACHE, "node", Set.of("node", "serverless"));
        String engine = oneOf(CACHE_ENGINE, "valkey", Set.of("valkey", "redis"));
        String nodeType = string(CACHE_NODE_TYPE, "cache.t4g.micro");
        if (!NODE_TYPE_PATTERN.matcher(nodeType).matches()) {
            problem(CACHE_NODE_TYPE, nodeType, "use an ElastiCache node type such as cache.t4g.micro");
        }
        int nodes = integer(CACHE_NODES, 1, 1, 6);
        return new CacheConfig(kind.equals("node") ? CacheKind.NODE : CacheKind.SERVERLESS, engine, nodeType, nodes);
    }

    private String oneOf(String key, String fallback, Set<String> allowed) {
        String value = string(key, fallback);
        if (!allowed.contains(value)) {
            problem(key, value, "use one of " + new TreeSet<>(allowed));
            return fallback;
        }
        return value;
    }

    private int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = new BigDecimal(raw.get()).intValueExact();
            if (value < min || value > max) {
                problem(key, raw.get(), "must be between " + min + " and " + max);
                return fallback;
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            problem(key, raw.get(), "must be a whole number");
            return fallback;
        }
    }

    private boolean bool(String key, boolean fallback) {
        Optional<String> raw = optionalString(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(key, raw.get(), "must be true or false");
                yield fallback;
            }
        };
    }

    private String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    private Optional<String> optionalString(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        // A JSON number from cdk.json arrives as a Double (30.0): print it back as the integer it is.
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            text = String.valueOf(n.longValue());
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private void problem(String key, String value, String fix) {
        problems.add(key + "=" + value + ": " + fix);
    }
}
