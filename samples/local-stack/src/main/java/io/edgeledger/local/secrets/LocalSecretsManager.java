package io.edgeledger.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A small AWS Secrets Manager for tests and ./edgeledger up: {@code GetSecretValue} over the AWS JSON 1.1 protocol
 * (POST /, {@code X-Amz-Target: secretsmanager.GetSecretValue}), every request's SigV4 signature checked with the AWS
 * SDK's own signer. Clients reach it the standard way: {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. A secret can be
 * marked denied, to see what a function does when its role may not read it.
 */
public final class LocalSecretsManager implements AutoCloseable {
    public static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored secret; {@code denied}: GetSecretValue answers AccessDeniedException. */
    public record Secret(String name, String value, boolean denied) {}

    private final HttpServer server;
    private final SigV4Check signatures;
    private final String region;
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    private LocalSecretsManager(HttpServer server, SigV4Check signatures, String region) {
        this.server = server;
        this.signatures = signatures;
        this.region = region;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port), accepting requests signed with this key pair. */
    public static LocalSecretsManager start(int port, String region, String accessKey, String secretKey) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        LocalSecretsManager sm = new LocalSecretsManager(server, new SigV4Check(accessKey, secretKey, region, "secretsmanager"), region);
        server.createContext("/", sm::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return sm;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores (or replaces) a secret; returns its ARN. */
    public String put(Secret secret) {
        secrets.put(secret.name(), secret);
        return arn(secret.name());
    }

    public String arn(String name) {
        // real ARNs end in '-' and six random characters; a fixed suffix keeps ours predictable
        return "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + name + "-local0";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            String host = headers.getOrDefault("host", List.of("127.0.0.1")).get(0);
            URI uri = URI.create("http://" + host + exchange.getRequestURI());
            SigV4Check.Refusal refusal = signatures.check(exchange.getRequestMethod(), uri, headers, body);
            if (refusal != null) {
                error(exchange, 400, refusal.type(), refusal.message());
                return;
            }
            String target = headers.getOrDefault("x-amz-target", List.of("")).get(0);
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "only GetSecretValue is served here, not " + target);
                return;
            }
            JsonNode request = JSON.readTree(body);
            String id = request == null ? "" : request.path("SecretId").asText("");
            Secret secret = secrets.get(id.startsWith("arn:") ? nameOf(id) : id);
            if (secret == null) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            } else if (secret.denied()) {
                error(exchange, 400, "AccessDeniedException", "User is not authorized to perform: secretsmanager:GetSecretValue on resource: " + id);
            } else {
                ObjectNode answer = JSON.createObjectNode();
                answer.put("ARN", arn(secret.name()));
                answer.put("Name", secret.name());
                answer.put("SecretString", secret.value());
                answer.put("VersionId", "00000000-0000-0000-0000-000000000001");
                answer.putArray("VersionStages").add("AWSCURRENT");
                answer.put("CreatedDate", 1.7e9);
                send(exchange, 200, answer);
            }
        }
    }

    private String nameOf(String arn) {
        String prefix = "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:";
        if (!arn.startsWith(prefix)) {
            return "";
        }
        String rest = arn.substring(prefix.length());
        return rest.endsWith("-local0") ? rest.substring(0, rest.length() - "-local0".length()) : rest;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("__type", type);
        answer.put("message", message);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, status, answer);
    }

    private static void send(HttpExchange exchange, int status, JsonNode answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * For ./edgeledger up: EDGELEDGER_SM_PORT (4566), AWS_REGION (us-east-1), AWS_ACCESS_KEY_ID /
     * AWS_SECRET_ACCESS_KEY (the key clients sign with), and one secret per argument NAME=FILE (the file's content is
     * the secret string). Prints each secret's ARN.
     */
    public static void main(String[] args) throws Exception {
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        LocalSecretsManager sm = start(Integer.parseInt(System.getenv().getOrDefault("EDGELEDGER_SM_PORT", "4566")), region,
                System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "edgeledger"),
                System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "edgeledger-local-secret"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                System.err.println("local-secrets-manager: expected NAME=FILE, got '" + arg + "'");
                System.exit(2);
            }
            String name = arg.substring(0, eq);
            String arn = sm.put(new Secret(name, Files.readString(Path.of(arg.substring(eq + 1))).trim(), false));
            System.out.println(name + " " + arn);
        }
        System.out.println("Secrets Manager API at " + sm.endpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(sm::close));
        Thread.currentThread().join();
    }
}
