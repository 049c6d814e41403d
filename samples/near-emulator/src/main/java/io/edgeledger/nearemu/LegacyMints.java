package io.edgeledger.nearemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The original agent's recorded mint calls ({@code mints.jsonl}): the args bytes of each {@code mint_batch}. */
final class LegacyMints {
    private LegacyMints() {}

    static List<byte[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<byte[]> calls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode call;
            try {
                call = NotaryContract.JSON.readTree(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not JSON");
            }
            if (call == null || !"mint_batch".equals(call.path("method_name").asText()) || !call.path("args").isObject()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a recorded mint_batch call (method_name, args)");
            }
            calls.add(call.get("args").toString().getBytes(StandardCharsets.UTF_8));
        }
        return calls;
    }
}
