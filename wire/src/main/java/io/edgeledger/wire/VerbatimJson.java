package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A JSON document that one side writes by hand and the other reads as a tree: the probe's traceroute result goes on
 * the wire exactly as its writer made it (no parse and re-write on the probe), the API reads it as a {@link JsonNode}.
 * Two instances are equal when their JSON is.
 */
@JsonSerialize(using = VerbatimJson.Writer.class)
public final class VerbatimJson {
    private final String text;
    private volatile JsonNode tree;

    private VerbatimJson(String text, JsonNode tree) {
        this.text = text;
        this.tree = tree;
    }

    /** JSON text made by a trusted writer; it is sent as is. */
    public static VerbatimJson ofText(String json) {
        return new VerbatimJson(Objects.requireNonNull(json, "json"), null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VerbatimJson of(JsonNode tree) {
        return new VerbatimJson(null, Objects.requireNonNull(tree, "tree"));
    }

    /** The document as a tree, parsed on first use when it was made from text. */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            try {
                t = WireJson.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("a verbatim JSON document is not JSON", e);
            }
            tree = t;
        }
        return t;
    }

    /** Whether this came off the wire as a tree (so it can be checked field by field without parsing). */
    boolean isTree() {
        return text == null;
    }

    public String text() {
        return text != null ? text : tree.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerbatimJson other && tree().equals(other.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    static final class Writer extends StdSerializer<VerbatimJson> {
        Writer() {
            super(VerbatimJson.class);
        }

        @Override
        public void serialize(VerbatimJson value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.text != null) {
                gen.writeRawValue(value.text);
            } else {
                gen.writeTree(value.tree);
            }
        }
    }
}
