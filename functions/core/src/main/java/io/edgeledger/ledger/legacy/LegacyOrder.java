package io.edgeledger.ledger.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the sorted listing of the legacy index keeps its copies of the entries, so that S3's key order is the listing
 * order: {@code _legacy/etrap-v1/_order/<scope><position>listed.json}. A scope is the whole index ({@code all/}), a
 * database ({@code db/<database>/}) or a table ({@code table/<database>/<table>/}); a position is
 * {@code <first change, epoch ms, 15 digits or "-" when unknown>/<batch id>/<source bucket>/<s3 prefix>}, the same in
 * every scope, so a position is also the listing's cursor. "-" sorts before every digit: batches of unknown time come
 * first, as they always did. Bucket names never start with '_', so {@code _order/} is never a source bucket's folder.
 */
final class LegacyOrder {
    static final String ROOT = LegacyIndex.ROOT + "_order/";
    static final String OBJECT = "listed.json";
    static final String ALL = "all/";
    private static final int DIGITS = 15;
    private static final long LARGEST = 999_999_999_999_999L; // year 33658: later times are listed last, as that
    private static final Pattern POSITION = Pattern.compile("(-|\\d{" + DIGITS + "})/[^/]+/[^/]+/.+/");

    private LegacyOrder() {}

    static String position(LegacyIndexEntry e) {
        return time(e.firstTimestampMs()) + "/" + name(e.batchId()) + "/" + e.sourceBucket() + "/" + e.s3Prefix();
    }

    /** The position's time part: a time before 1970 is listed as 1970, one past {@link #LARGEST} as that (the entry's own time is filtered on). */
    static String time(Long epochMillis) {
        if (epochMillis == null) {
            return "-";
        }
        return String.format("%0" + DIGITS + "d", Math.max(0, Math.min(LARGEST, epochMillis)));
    }

    static boolean isPosition(String value) {
        return value != null && value.length() <= 900 && POSITION.matcher(value).matches();
    }

    static String database(String database) {
        return "db/" + name(database) + "/";
    }

    static String table(String database, String table) {
        return "table/" + name(database) + "/" + name(table) + "/";
    }

    /** The scopes an entry is listed in; a batch whose database or table is unknown is listed in the whole index only. */
    static List<String> scopes(LegacyIndexEntry e) {
        List<String> scopes = new ArrayList<>(List.of(ALL));
        if (e.database() != null && !e.database().isEmpty()) {
            scopes.add(database(e.database()));
            if (e.table() != null && !e.table().isEmpty()) {
                scopes.add(table(e.database(), e.table()));
            }
        }
        return scopes;
    }

    /**
     * The scopes a listing filtered by database and table reads. The agent named tables without their schema, so
     * {@code public.orders} (as new batches name it) reads the agent's {@code orders} too: every dotted suffix.
     */
    static List<String> scopesFor(String database, String table) {
        if (database == null) {
            return List.of(ALL);
        }
        if (table == null) {
            return List.of(database(database));
        }
        List<String> scopes = new ArrayList<>(List.of(table(database, table)));
        for (int dot = table.indexOf('.'); dot >= 0 && dot + 1 < table.length(); dot = table.indexOf('.', dot + 1)) {
            scopes.add(table(database, table.substring(dot + 1)));
        }
        return scopes;
    }

    static String key(String scope, String position) {
        return ROOT + scope + position + OBJECT;
    }

    /** A name as one key segment: '/' and '%' escaped (the agent's names come from key segments and have neither). */
    static String name(String value) {
        return value.replace("%", "%25").replace("/", "%2F");
    }

    static String unname(String segment) {
        return segment.replace("%2F", "/").replace("%25", "%");
    }
}
