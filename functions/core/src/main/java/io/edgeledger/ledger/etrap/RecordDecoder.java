package io.edgeledger.ledger.etrap;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * etrap-v1 {@code decode_record}: guesses that base64-looking strings ending in '=' are Debezium
 * decimals or text and decodes them (lossy: scale ignored, negatives unsigned). Reproduced, bugs
 * included, only to verify legacy batches.
 */
final class RecordDecoder {
    private static final Pattern BASE64ISH = Pattern.compile("[A-Za-z0-9+/=]*=");
    private static final BigInteger TEN_POW_12 = BigInteger.TEN.pow(12);

    private RecordDecoder() {}

    static JsonValue decode(JsonValue v) {
        return switch (v) {
            case JsonObject o -> {
                Map<String, JsonValue> out = new LinkedHashMap<>();
                o.members().forEach((k, x) -> out.put(k, decode(x)));
                yield new JsonObject(out);
            }
            case JsonArray a -> {
                List<JsonValue> out = new ArrayList<>();
                a.items().forEach(x -> out.add(decode(x)));
                yield new JsonArray(out);
            }
            case JsonString s -> decodeString(s);
            default -> v;
        };
    }

    private static JsonValue decodeString(JsonString s) {
        String text = s.value();
        if (!BASE64ISH.matcher(text).matches()) {
            return s;
        }
        byte[] bytes = PythonBase64.decode(text);
        if (bytes == null) {
            return s;
        }
        if (bytes.length >= 1 && bytes.length <= 8) {
            BigInteger v = new BigInteger(1, bytes);
            if (v.signum() > 0 && v.compareTo(TEN_POW_12) < 0) {
                return new JsonNumber(v.toString());
            }
        }
        try {
            return new JsonString(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            long printable = latin1.chars().filter(RecordDecoder::isPrintableLatin1).count();
            return latin1.length() > 0 && (double) printable / latin1.length() > 0.8 ? new JsonString(latin1) : s;
        }
    }

    /** Python str.isprintable for U+0000..U+00FF: not Cc, not NBSP (Zs), not soft hyphen (Cf). */
    private static boolean isPrintableLatin1(int c) {
        return !(c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad);
    }
}
