package io.edgeledger.cli;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNull;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ledger leaf INPUT.json}: the leaf-v2 hash of one event, or exit 1 with the reason it yields none. */
@Command(name = "leaf", mixinStandardHelpOptions = true,
        description = "Print the leaf-v2 leaf hash of one input (leaf-v2.json 'input' format: {kind: redis, fields} or {kind: event, key_json, value_json}).")
final class LeafCommand implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT.json")
    Path input;

    @Option(names = "--null-placeholder", defaultValue = "default", description = "the Redis sink's null key/value text (default: ${DEFAULT-VALUE})")
    String nullPlaceholder;

    @Option(names = "--bytes", description = "print the leaf bytes (RFC 8785 text) instead of the hash")
    boolean bytes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonValue doc = CliInput.json(input);
        if (doc instanceof JsonObject o && o.get("input") instanceof JsonObject inner) {
            doc = inner; // a whole vector case
        }
        if (!(doc instanceof JsonObject in)) {
            throw CliException.badInput(input + ": expected a JSON object with 'kind'");
        }
        LeafOutcome outcome = switch (String.valueOf(in.string("kind"))) {
            case "redis" -> LeafV2.fromRedisEntry(fields(in), nullPlaceholder);
            case "event" -> LeafV2.fromRecord(textOrNull(in, "key_json"), textOrNull(in, "value_json"));
            default -> throw CliException.badInput(input + ": 'kind' must be \"redis\" or \"event\"");
        };
        return switch (outcome) {
            case LeafOutcome.Leaf leaf -> {
                spec.commandLine().getOut().println(bytes ? leaf.text() : leaf.hashHex());
                yield LedgerCli.OK;
            }
            case LeafOutcome.NoLeaf n -> throw CliException.failed("no leaf: " + n.reason());
            case LeafOutcome.Poison p -> throw CliException.failed("no leaf: " + p.code() + ": " + p.detail());
        };
    }

    private List<Map.Entry<String, String>> fields(JsonObject in) {
        if (!(in.get("fields") instanceof JsonArray pairs)) {
            throw CliException.badInput(input + ": 'fields' must be an array of [name, value] pairs");
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (JsonValue p : pairs.items()) {
            if (!(p instanceof JsonArray kv) || kv.items().size() != 2 || !(kv.items().get(0) instanceof JsonString name)
                    || !(kv.items().get(1) instanceof JsonString value)) {
                throw CliException.badInput(input + ": each field must be a [name, value] pair of strings");
            }
            out.add(Map.entry(name.value(), value.value()));
        }
        return out;
    }

    private String textOrNull(JsonObject in, String member) {
        JsonValue v = in.get(member);
        if (v == null || v instanceof JsonNull) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw CliException.badInput(input + ": '" + member + "' must be a string (the JSON text) or null");
    }
}
