package io.edgeledger.api.params;

import io.edgeledger.api.errors.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query times: unix seconds ({@code 1700000000}) or ISO-8601 UTC ({@code 2026-12-01T22:00:00Z}). */
public final class TimeParam {
    private TimeParam() {}

    public static Instant parse(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 12) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_parameter", name + " must be unix seconds or ISO-8601 like 2026-12-01T22:00:00Z, got '" + value + "'");
        }
    }

    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("invalid_parameter", "limit must be a whole number from 1 to " + max + ", got '" + value + "'");
    }

    /** {@code offset}: how many items to skip, a whole number from 0 (0 when absent). */
    public static int offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("invalid_parameter", "offset must be a whole number from 0, got '" + value + "'");
    }
}
