package io.edgeledger.api.enrollment;

import io.edgeledger.api.errors.ApiException;
import java.util.List;

/** Tags as the probe sends them with its series: {@code key:value}, bounded in number and length. */
final class Tags {
    static final int MAX = 32;

    private Tags() {}

    static List<String> valid(List<String> tags, String field) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX) {
            throw ApiException.badRequest("invalid_tags", field + ": at most " + MAX + " tags");
        }
        for (String t : tags) {
            if (t == null || t.isBlank() || t.length() > 200 || t.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest("invalid_tags", field + " must be non-empty strings like 'env:prod' (at most 200 characters)");
            }
        }
        return List.copyOf(tags);
    }
}
