package io.edgeledger.api.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.edgeledger.wire.InvalidFieldException;
import io.edgeledger.wire.RawJson;
import io.edgeledger.wire.TracerouteResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's mapper for the probe's bodies, the {@code wire} records. Unknown fields are tolerated so older servers
 * accept newer probes, but a scalar of the wrong kind (a string or a fraction where an integer belongs) is refused
 * rather than guessed at. The values the wire module carries as text ({@link RawJson}, {@link TracerouteResultJson})
 * are read as a tree and kept as that tree's compact JSON, as a byte writer writes it (Jackson escapes a character past
 * U+FFFF there, not in a String): what the API archives and serves is what it did when it kept the tree.
 * The probe has its own, lenient mapper ({@code probe.json.ProbeJson}): it reads the API's answers, not probe input.
 */
public final class WireMapper {
    private static final ObjectMapper MAPPER = strict(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new SimpleModule("wire-text")
                    .addDeserializer(RawJson.class, new RawJsonReader())
                    .addDeserializer(TracerouteResultJson.class, new TracerouteResultReader()))
            .build());

    private WireMapper() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * What is wrong with a body that parsed as JSON but does not bind, naming the field the way the sender wrote it:
     * {@code series[0].points[1] must be [unix_seconds, number]}.
     */
    public static String problem(JsonMappingException e) {
        String path = path(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFieldException invalid) {
                return invalid.within(path).getMessage();
            }
        }
        String where = path.isEmpty() ? "the body" : path;
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Missing required creator property")) {
                return where + " is required"; // Jackson's path already ends at the missing property
            }
            return where + " must be " + expected(mismatch.getTargetType());
        }
        String message = e.getOriginalMessage() == null ? "is not valid" : e.getOriginalMessage().lines().findFirst().orElse("");
        return where + ": " + message;
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    /** The compact JSON of a tree, as the archive's byte writer writes it. */
    private static String text(JsonNode tree) throws IOException {
        return new String(MAPPER.writeValueAsBytes(tree), StandardCharsets.UTF_8);
    }

    /** Any JSON value, kept as the compact text of its tree. */
    private static final class RawJsonReader extends StdDeserializer<RawJson> {
        RawJsonReader() {
            super(RawJson.class);
        }

        @Override
        public RawJson deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return new RawJson(text(ctxt.readTree(p)));
        }
    }

    /** The result's text, and the same tree in untyped form for the checks {@link TracerouteResultJson#read} makes. */
    private static final class TracerouteResultReader extends StdDeserializer<TracerouteResultJson> {
        TracerouteResultReader() {
            super(TracerouteResultJson.class);
        }

        @Override
        public TracerouteResultJson deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            return TracerouteResultJson.read(new RawJson(text(tree)), ctxt.readTreeAsValue(tree, Object.class));
        }
    }
}
