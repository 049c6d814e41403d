package io.edgeledger.json;

/** Compact JSON keeping member order and number tokens as they are (re-serializing input faithfully). */
public final class CompactJsonWriter {
    private CompactJsonWriter() {}

    public static String write(JsonValue value) {
        return CompactSyntax.text(value, CompactJsonWriter::write);
    }

    private static void write(JsonValue value, StringBuilder sb) {
        switch (value) {
            case JsonArray a -> CompactSyntax.array(a.items(), sb, CompactJsonWriter::write);
            case JsonObject o -> CompactSyntax.object(o.members().entrySet(), sb, JcsWriter::string, CompactJsonWriter::write);
            default -> JcsWriter.write(value, sb);
        }
    }
}
