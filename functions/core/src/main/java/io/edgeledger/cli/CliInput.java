package io.edgeledger.cli;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.merkle.Hex;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading the CLI's input files; every problem is a one-line {@link CliException} (exit 2). */
final class CliInput {
    private CliInput() {}

    static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw CliException.badInput(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw CliException.badInput(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw CliException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Non-blank lines of a text file (a final newline or CRLF endings are fine). */
    static List<String> lines(Path file) {
        List<String> out = new ArrayList<>();
        for (String line : read(file).split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    static JsonValue json(Path file) {
        return json(read(file), file.toString());
    }

    static JsonValue json(String text, String where) {
        try {
            return StrictJsonParser.parse(text.strip());
        } catch (JsonSyntaxException e) {
            throw CliException.badInput(where + ": not valid JSON: " + e.getMessage());
        }
    }

    /** LEAVES.txt: one leaf's bytes as hex a line. */
    static List<byte[]> hexLeaves(Path file) {
        List<byte[]> leaves = new ArrayList<>();
        int n = 0;
        for (String line : lines(file)) {
            n++;
            try {
                leaves.add(Hex.parse(line.strip()));
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(file + ": line " + n + ": " + e.getMessage());
            }
        }
        return leaves;
    }

    static byte[] hash(String hex, String what) {
        try {
            return Hex.parseHash(hex.strip());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(what + ": " + e.getMessage());
        }
    }

    static byte[] hex(String hex, String what) {
        try {
            return Hex.parse(hex.strip());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(what + ": " + e.getMessage());
        }
    }

    /** A list of strings: either the array itself or the named member of an object. */
    static List<String> stringList(JsonValue v, String member, String where) {
        JsonValue list = v instanceof JsonObject o ? o.get(member) : v;
        if (!(list instanceof JsonArray a)) {
            throw CliException.badInput(where + ": expected a JSON array or an object with '" + member + "'");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a.items()) {
            if (!(item instanceof JsonString s)) {
                throw CliException.badInput(where + ": '" + member + "' must hold strings");
            }
            out.add(s.value());
        }
        return out;
    }

    static JsonArray strings(List<String> values) {
        return new JsonArray(values.stream().map(s -> (JsonValue) new JsonString(s)).toList());
    }

    static JsonValue number(long v) {
        return new JsonNumber(Long.toString(v));
    }
}
