package io.edgeledger.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a function gets here: the template's variables, plus only what the local stack must supply
 * because it differs from AWS. A value may be overridden only when it is an endpoint (where a service is) or a
 * deploy-time value CloudFormation fills in (bucket names, the ElastiCache address); every other template value is
 * used as it is, so a wrong setting in the template shows up here as it would on AWS.
 */
public final class FunctionEnvironment {
    private FunctionEnvironment() {
    }

    /**
     * @param overrides endpoint settings and deploy-time values, applied to every function that has the
     *                  variable (or, for endpoint settings, to every function)
     * @param tmp       this execution environment's private /tmp: template values under /tmp/ are moved into it
     */
    public static Map<String, String> resolve(TemplateFunction function, Map<String, String> overrides, Path tmp) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = function.environment().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            String name = v.getKey();
            JsonNode value = v.getValue();
            String override = overrides.get(name);
            if (value.isTextual()) {
                if (override != null && !isEndpoint(name)) {
                    problems.add(name + " is '" + value.asText() + "' in the template and is not an endpoint: change it in infra"
                            + " (CDK context) rather than here");
                }
                env.put(name, override != null && isEndpoint(name) ? override : underTmp(value.asText(), tmp));
            } else if (override != null) {
                env.put(name, override);
            } else if (localRef(function, value) != null) {
                env.put(name, localRef(function, value));
            } else {
                problems.add(name + " is a deploy-time value in the template (" + value + "): give the local value with --set "
                        + name + "=...");
            }
        }
        overrides.forEach((name, value) -> {
            if (!env.containsKey(name) && (isEndpoint(name) || isRuntimeProvided(name))) {
                env.put(name, value);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(function.name() + ": " + String.join("; ", problems));
        }
        return env;
    }

    /** An override no function can take: neither an endpoint nor set by any function's template. */
    public static void checkUsed(Map<String, String> overrides, java.util.Collection<TemplateFunction> functions) {
        for (String name : overrides.keySet()) {
            boolean used = isEndpoint(name) || isRuntimeProvided(name)
                    || functions.stream().anyMatch(f -> f.environment().has(name));
            if (!used) {
                throw new IllegalArgumentException("--set " + name + ": no function's template sets " + name
                        + " and it is not an endpoint setting");
            }
        }
    }

    /** Where a service is: the AWS SDK's standard endpoint variables and our own *_URL / *_RPC / *_ENDPOINT settings. */
    static boolean isEndpoint(String name) {
        return name.startsWith("AWS_ENDPOINT_URL") || name.endsWith("_URL") || name.endsWith("_RPC")
                || name.endsWith("_ENDPOINT") || name.endsWith("_CA_FILE");
    }

    /** What Lambda itself provides to every function (credentials of the execution role, region). */
    static boolean isRuntimeProvided(String name) {
        return switch (name) {
            case "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION" -> true;
            default -> false;
        };
    }

    /** {"Ref": secret} of the same template: its local ARN. Other references need a local value. */
    private static String localRef(TemplateFunction function, JsonNode value) {
        JsonNode ref = value.get("Ref");
        return ref == null ? null : function.localSecretArns().get(ref.asText());
    }

    private static String underTmp(String value, Path tmp) {
        if (value.equals("/tmp") || value.startsWith("/tmp/")) {
            return tmp.resolve(value.substring(Math.min(value.length(), 5))).toString();
        }
        return value;
    }
}
