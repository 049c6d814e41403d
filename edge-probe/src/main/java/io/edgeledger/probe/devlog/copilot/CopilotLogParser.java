package io.edgeledger.probe.devlog.copilot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.source.Emitter;
import io.edgeledger.probe.devlog.source.LineParser;
import io.edgeledger.probe.devlog.source.SnapshotDiff;

/**
 * A VS Code >= 1.109 chat session mutation log: kind 0 = replace state, 1 = set at path, 2 = truncate
 * array to {@code i} (when given) and append, 3 = delete at path. Events come from the replayed state.
 */
final class CopilotLogParser implements LineParser {
    private final CopilotSession session;
    private final SnapshotDiff diff = new SnapshotDiff();
    private JsonNode state;
    private boolean changed;

    CopilotLogParser(CopilotSession session) {
        this.session = session;
    }

    @Override
    public void line(long lineNo, ObjectNode entry, Emitter out) {
        JsonNode kind = entry.get("kind");
        if (kind == null || !kind.isInt()) {
            out.warn("line " + lineNo + ": not a chat mutation (no kind), skipped");
            return;
        }
        boolean applied = switch (kind.intValue()) {
            case 0 -> {
                state = entry.get("v");
                yield state != null;
            }
            case 1 -> set(entry.get("k"), entry.get("v"));
            case 2 -> append(entry.get("k"), entry.get("v"), entry.get("i"));
            case 3 -> delete(entry.get("k"));
            default -> false;
        };
        if (applied) {
            changed = true;
        } else {
            out.warn("line " + lineNo + ": mutation of kind " + kind + " does not apply to the session state, skipped");
        }
    }

    @Override
    public void flush(Emitter out) {
        if (changed && state != null && state.isObject()) {
            changed = false;
            diff.emitChanged(session.events(state), out);
        }
    }

    private boolean set(JsonNode path, JsonNode value) {
        if (value == null || !(path instanceof ArrayNode keys) || keys.isEmpty()) {
            return false;
        }
        JsonNode parent = navigate(keys, keys.size() - 1);
        JsonNode last = keys.get(keys.size() - 1);
        if (parent instanceof ObjectNode o && last.isTextual()) {
            o.set(last.textValue(), value);
            return true;
        }
        if (parent instanceof ArrayNode a && last.isInt()) {
            int i = last.intValue();
            if (i >= 0 && i < a.size()) {
                a.set(i, value);
                return true;
            }
            if (i == a.size()) {
                a.add(value);
                return true;
            }
        }
        return false;
    }

    private boolean append(JsonNode path, JsonNode values, JsonNode truncateTo) {
        if (!(path instanceof ArrayNode keys) || values == null || !values.isArray()) {
            return false;
        }
        JsonNode target = navigate(keys, keys.size());
        if (target == null || target.isNull()) {
            // an absent array (e.g. a request's first response parts) is created
            if (!set(keys, values.deepCopy())) {
                return false;
            }
            return true;
        }
        if (!(target instanceof ArrayNode array)) {
            return false;
        }
        if (truncateTo != null && truncateTo.isInt()) {
            int n = Math.max(0, truncateTo.intValue());
            while (array.size() > n) {
                array.remove(array.size() - 1);
            }
        }
        array.addAll((ArrayNode) values);
        return true;
    }

    private boolean delete(JsonNode path) {
        if (!(path instanceof ArrayNode keys) || keys.isEmpty()) {
            return false;
        }
        JsonNode parent = navigate(keys, keys.size() - 1);
        JsonNode last = keys.get(keys.size() - 1);
        if (parent instanceof ObjectNode o && last.isTextual()) {
            o.remove(last.textValue());
            return true;
        }
        if (parent instanceof ArrayNode a && last.isInt() && last.intValue() < a.size()) {
            a.remove(last.intValue());
            return true;
        }
        return false;
    }

    /** The node reached by the first {@code depth} keys of the path, or null. */
    private JsonNode navigate(ArrayNode keys, int depth) {
        JsonNode node = state;
        for (int i = 0; i < depth && node != null; i++) {
            JsonNode key = keys.get(i);
            node = key.isInt() ? (node.isArray() ? node.get(key.intValue()) : null) : node.get(key.asText());
        }
        return node;
    }
}
