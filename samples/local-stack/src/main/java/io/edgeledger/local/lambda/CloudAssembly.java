package io.edgeledger.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Lambda functions of a synthesized CDK app (infra's cdk.out): handler, runtime, memory, timeout, environment
 * and the zip staged as the function's file asset. The template is read as CloudFormation would receive it.
 */
public final class CloudAssembly {
    /** The account the local stack pretends to be in: ARNs it makes up use it. */
    public static final String LOCAL_ACCOUNT = "000000000000";
    public static final String LOCAL_REGION = "us-east-1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, TemplateFunction> functions;

    private CloudAssembly(Map<String, TemplateFunction> functions) {
        this.functions = functions;
    }

    public static CloudAssembly read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no cloud assembly at " + dir + ": synthesize infra first (./edgeledger infra synth)");
        }
        Map<String, TemplateFunction> functions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path template : files.filter(p -> p.getFileName().toString().endsWith(".template.json")).sorted().toList()) {
                for (TemplateFunction f : functionsOf(dir, template)) {
                    functions.put(f.name(), f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("the cloud assembly at " + dir + " has no AWS::Lambda::Function");
        }
        return new CloudAssembly(functions);
    }

    public TemplateFunction function(String name) {
        TemplateFunction f = functions.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no function " + name + " in the template (there are " + functions.keySet() + ")");
        }
        return f;
    }

    public List<TemplateFunction> functions() {
        return List.copyOf(functions.values());
    }

    private static List<TemplateFunction> functionsOf(Path dir, Path templateFile) throws IOException {
        String stack = templateFile.getFileName().toString().replace(".template.json", "");
        JsonNode resources = JSON.readTree(templateFile.toFile()).path("Resources");
        Map<String, String> secretArns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (r.getValue().path("Type").asText().equals("AWS::SecretsManager::Secret")) {
                String name = r.getValue().path("Properties").path("Name").asText(r.getKey());
                secretArns.put(r.getKey(), localSecretArn(name));
            }
        }
        List<TemplateFunction> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!r.getValue().path("Type").asText().equals("AWS::Lambda::Function")) {
                continue;
            }
            JsonNode p = r.getValue().path("Properties");
            String name = p.path("FunctionName").asText(r.getKey());
            Optional<Integer> reserved = p.has("ReservedConcurrentExecutions")
                    ? Optional.of(p.get("ReservedConcurrentExecutions").asInt()) : Optional.empty();
            out.add(new TemplateFunction(name, r.getKey(), stack, p.path("Handler").asText(),
                    p.path("Runtime").asText(), p.path("MemorySize").asInt(128), p.path("Timeout").asInt(3),
                    p.path("LoggingConfig").path("LogFormat").asText("Text"), reserved,
                    p.path("SnapStart").path("ApplyOn").asText("None").equals("PublishedVersions"),
                    p.path("Environment").path("Variables"), assetZip(dir, stack, p.path("Code").path("S3Key").asText()),
                    Map.copyOf(secretArns)));
        }
        return out;
    }

    /** The file asset the CDK staged for this S3 key (the function.zip of the build, byte for byte). */
    private static Path assetZip(Path dir, String stack, String s3Key) throws IOException {
        Path assets = dir.resolve(stack + ".assets.json");
        if (Files.exists(assets)) {
            for (Iterator<JsonNode> it = JSON.readTree(assets.toFile()).path("files").elements(); it.hasNext(); ) {
                JsonNode file = it.next();
                for (Iterator<JsonNode> d = file.path("destinations").elements(); d.hasNext(); ) {
                    if (d.next().path("objectKey").asText().equals(s3Key)) {
                        return dir.resolve(file.path("source").path("path").asText());
                    }
                }
            }
        }
        throw new IllegalArgumentException("the template of " + stack + " names code " + s3Key + " that is not staged in " + dir);
    }

    /** What {"Ref": secret} resolves to in the local account: the local Secrets Manager serves it by this ARN. */
    public static String localSecretArn(String secretName) {
        return "arn:aws:secretsmanager:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":secret:" + secretName;
    }
}
