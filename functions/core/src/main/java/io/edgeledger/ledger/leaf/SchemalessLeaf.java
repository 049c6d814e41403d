package io.edgeledger.ledger.leaf;

import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.json.NumberTokens;
import io.edgeledger.ledger.merkle.Rfc6962;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The seal path's single pass: a schemaless Debezium record (key and value text) straight into its leaf-v2
 * RFC 8785 bytes, with no JSON tree in between. It only takes the plain case, a well-formed envelope whose
 * values need no schema; for anything else (a Connect schema envelope, bad JSON, a missing member, a
 * duplicate name, deep nesting) it returns null and {@link LeafV2} takes the full path, which decides the
 * leaf or the error. So the two paths agree byte for byte wherever this one answers (LeafFastPathTest).
 */
final class SchemalessLeaf {
    private static final int MAX_DEPTH = 64; // deeper documents take the full path (its cap is 1000)
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final String OP_PREFIX = ",\"op\":\"";
    private static final String ROW_PREFIX = "\",\"row\":";

    /** Thrown (without a stack) when the record is not the plain case: the full path handles it. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();
    private static final ThreadLocal<SchemalessLeaf> PER_THREAD = ThreadLocal.withInitial(SchemalessLeaf::new);

    private String text;
    private int pos;
    private int depth;
    private byte[] out = new byte[8192];
    private int size;
    private byte[] swap = new byte[8192];

    // What the envelope walk captured.
    private String op;
    private String db;
    private String schema;
    private String table;
    private boolean haveSource;
    private Long sourceTsMs;
    private Long envelopeTsMs;
    /**
     * The previous record's db, schema and table, and what was made of them: a stream is one table, so the next
     * record almost always names the same ones, and they are then compared in place instead of copied and joined.
     */
    private String lastDb;
    private String lastSchema;
    private String lastTable;
    private String lastQualified;
    private String lastFullTable;
    private byte[] lastQuotedFullTable;
    /** Where the before image starts in the value text (-1: none). */
    private int beforeText = -1;
    private int afterFrom = -1;
    private int afterTo;
    /**
     * Member names repeat in every event: each plain one is kept with its quoted bytes (per thread, so no
     * races), which saves a String and an encoding per member.
     */
    private final String[] nameCache = new String[1024];
    private final byte[][] quotedNameCache = new byte[1024][];

    private SchemalessLeaf() {}

    /** The leaf, or null when the full path must decide. {@code keyText} null = no key; {@code valueText} not null. */
    static LeafOutcome.Leaf leaf(String keyText, String valueText) {
        SchemalessLeaf p = PER_THREAD.get();
        try {
            return p.build(keyText, valueText);
        } catch (NotPlain | StringIndexOutOfBoundsException e) {
            return null;
        } finally {
            p.text = null;
        }
    }

    private LeafOutcome.Leaf build(String keyText, String valueText) {
        op = db = schema = table = null;
        sourceTsMs = envelopeTsMs = null;
        haveSource = false;
        skimNames = 0;
        members = 0;
        beforeText = afterFrom = -1;
        size = 0;
        depth = 0;

        // The leaf is {"key":K,"op":O,"row":R,"table":T}: members already in RFC 8785 order.
        ascii("{\"key\":");
        int keyFrom = size;
        if (keyText == null) {
            bytes(NULL, 0, 4);
        } else {
            start(keyText);
            topLevel(Role.KEY);
        }
        int keyTo = size;
        int envelopeFrom = size;
        start(valueText);
        if (peek() != '{') {
            throw NOT_PLAIN; // JSON null is a tombstone, anything else not an envelope: the full path says which
        }
        topLevel(Role.ENVELOPE);
        if (op == null || !haveSource || db == null || table == null) {
            throw NOT_PLAIN;
        }
        int rowFrom;
        int rowTo;
        switch (op) {
            case "c", "u", "r" -> {
                rowFrom = afterFrom;
                rowTo = afterTo;
            }
            case "d" -> {
                if (beforeText < 0) {
                    throw NOT_PLAIN;
                }
                pos = beforeText;
                rowFrom = size;
                value();
                rowTo = size;
            }
            case "t" -> rowFrom = rowTo = -1;
            default -> throw NOT_PLAIN;
        }
        // The envelope's bytes were only a scratch area: the row moves (in place, no copy allocated) to where it
        // goes after ,"op":"<op>","row": and that prefix is written over the scratch in front of it.
        int rowAt = envelopeFrom + OP_PREFIX.length() + op.length() + ROW_PREFIX.length();
        int rowEnd = -1;
        if (rowFrom >= 0) {
            int length = rowTo - rowFrom;
            size = Math.max(size, rowAt);
            ensure(length);
            System.arraycopy(out, rowFrom, out, rowAt, length); // overlapping ranges are copied as if via a buffer
            rowEnd = rowAt + length;
        }
        size = envelopeFrom;
        ascii(OP_PREFIX);
        ascii(op);
        ascii(ROW_PREFIX);
        if (rowEnd < 0) {
            bytes(NULL, 0, 4);
        } else {
            size = rowEnd;
        }
        if (db != lastDb || schema != lastSchema || table != lastTable) {
            lastDb = db;
            lastSchema = schema;
            lastTable = table;
            lastQualified = schema != null ? schema + "." + table : table;
            lastFullTable = db + "." + lastQualified;
            int at = size;
            quote(lastFullTable);
            lastQuotedFullTable = Arrays.copyOfRange(out, at, size);
            size = at;
        }
        String qualified = lastQualified;
        String fullTable = lastFullTable;
        ascii(",\"table\":");
        bytes(lastQuotedFullTable, 0, lastQuotedFullTable.length);
        add('}');

        byte[] leafBytes = Arrays.copyOf(out, size);
        String keyJson = new String(out, keyFrom, keyTo - keyFrom, StandardCharsets.UTF_8);
        Long ts = sourceTsMs != null ? sourceTsMs : envelopeTsMs;
        return new LeafOutcome.Leaf(leafBytes, Rfc6962.leafHash(leafBytes), fullTable, op, db, qualified, keyJson, ts);
    }

    private enum Role { KEY, ENVELOPE, SOURCE, VALUE }

    private void start(String s) {
        text = s;
        pos = 0;
        skipWhitespace();
    }

    private void topLevel(Role role) {
        if (peek() == '{') {
            object(role);
        } else {
            value();
        }
        skipWhitespace();
        if (pos != text.length()) {
            throw NOT_PLAIN;
        }
    }

    private void value() {
        switch (peek()) {
            case '{' -> object(Role.VALUE);
            case '[' -> array();
            case '"' -> stringValue();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw NOT_PLAIN;
        }
        pos += word.length();
        ascii(word);
    }

    private void array() {
        enter();
        pos++;
        add('[');
        skipWhitespace();
        if (peek() == ']') {
            pos++;
        } else {
            do {
                skipWhitespace();
                value();
            } while (more(']'));
        }
        add(']');
        depth--;
    }

    /**
     * Writes the members in input order, remembering where each one's bytes are, then puts them into RFC 8785
     * order (UTF-16 order of the names) in place. The envelope and its source are only walked for what they
     * hold, never emitted, so they are left unsorted.
     */
    private void object(Role role) {
        enter();
        pos++;
        int objectFrom = size;
        add('{');
        int base = members; // this object's members sit on the shared stack from here (no arrays per object)
        int n = 0;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw NOT_PLAIN;
                }
                String name = memberName();
                skipWhitespace();
                if (next() != ':') {
                    throw NOT_PLAIN;
                }
                skipWhitespace();
                int m = base + n;
                if (m == memberNames.length) {
                    memberNames = Arrays.copyOf(memberNames, m * 2);
                    memberFrom = Arrays.copyOf(memberFrom, m * 2);
                    memberTo = Arrays.copyOf(memberTo, m * 2);
                }
                memberNames[m] = name;
                memberFrom[m] = size;
                members = m + 1;
                if (lastQuoted != null) {
                    bytes(lastQuoted, 0, lastQuoted.length);
                } else {
                    quote(name);
                }
                add(':');
                member(role, name);
                memberTo[m] = size;
                n++;
                if (!more('}')) {
                    break;
                }
            }
        }
        add('}');
        depth--;
        sortMembers(objectFrom, base, n, role == Role.KEY || role == Role.VALUE);
        members = base;
    }

    /** The members of the objects being walked, innermost last: name and where its bytes are in {@link #out}. */
    private String[] memberNames = new String[64];
    private int[] memberFrom = new int[64];
    private int[] memberTo = new int[64];
    private int members;

    /** After an item: true at a ',' (written), false at {@code close}; anything else is not plain. */
    private boolean more(char close) {
        skipWhitespace();
        char c = next();
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw NOT_PLAIN;
        }
        add(',');
        return true;
    }

    /** The quoted bytes of the name {@link #memberName} just returned, or null when it was not cached. */
    private byte[] lastQuoted;

    private String memberName() {
        lastQuoted = null;
        int from = pos + 1;
        int hash = 0;
        int i = from;
        int limit = Math.min(text.length(), from + 64);
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20 || c >= 0x80) {
                return string(); // escapes, non-ASCII and errors take the general path
            }
            hash = 31 * hash + c;
            i++;
        }
        if (i >= limit) {
            return string();
        }
        int length = i - from;
        int slot = (hash ^ (hash >>> 16)) & (nameCache.length - 1);
        pos = i + 1;
        String cached = nameCache[slot];
        if (cached != null && cached.length() == length && text.regionMatches(from, cached, 0, length)) {
            lastQuoted = quotedNameCache[slot];
            return cached;
        }
        String name = text.substring(from, i);
        byte[] quoted = new byte[length + 2];
        quoted[0] = '"';
        name.getBytes(0, length, quoted, 1); // ASCII checked above
        quoted[length + 1] = '"';
        nameCache[slot] = name;
        quotedNameCache[slot] = quoted;
        lastQuoted = quoted;
        return name;
    }

    private void member(Role role, String name) {
        switch (role) {
            case KEY -> {
                if (name.equals("schema") || name.equals("payload")) {
                    throw NOT_PLAIN; // maybe a Connect schema envelope: the full path unwraps it
                }
                value();
            }
            case ENVELOPE -> envelopeMember(name);
            case SOURCE -> sourceMember(name);
            case VALUE -> value();
        }
    }

    private void envelopeMember(String name) {
        switch (name) {
            case "schema", "payload" -> throw NOT_PLAIN;
            case "op" -> {
                if (peek() != '"') {
                    throw NOT_PLAIN;
                }
                op = string();
            }
            case "source" -> {
                if (peek() != '{') {
                    throw NOT_PLAIN;
                }
                haveSource = true;
                object(Role.SOURCE);
            }
            case "ts_ms" -> envelopeTsMs = numberTokenOrValue();
            case "before" -> {
                // Only a delete's row is its before image: skimmed now, walked again if op turns out to be d.
                beforeText = pos;
                skim();
            }
            case "after" -> {
                int at = size;
                value();
                afterFrom = at;
                afterTo = size;
            }
            default -> skim();
        }
    }

    /**
     * Checks a value nobody reads (source.version, transaction, ts_us, ...) as {@link #value} would (the full path would
     * reject the record otherwise) without writing, sorting or keeping anything: strings scanned in place, duplicate
     * member names found by hash. A member name with an escape is not plain here: the full path decides.
     */
    private void skim() {
        switch (peek()) {
            case '"' -> skipString();
            case '{' -> skimObject();
            case '[' -> {
                enter();
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    pos++;
                } else {
                    do {
                        skipWhitespace();
                        skim();
                        skipWhitespace();
                    } while (skimMore(']'));
                }
                depth--;
            }
            case 't' -> skipLiteral("true");
            case 'f' -> skipLiteral("false");
            case 'n' -> skipLiteral("null");
            default -> {
                int end = NumberTokens.end(text, pos);
                if (end < 0) {
                    throw NOT_PLAIN;
                }
                pos = end;
            }
        }
    }

    private void skimObject() {
        enter();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return;
        }
        int base = skimNames;
        long seen = 0;
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw NOT_PLAIN;
            }
            int at = pos;
            int hash = skimName();
            int length = skimmedLength;
            long bit = 1L << (hash & 63);
            if ((seen & bit) != 0) {
                for (int i = base; i < skimNames; i++) {
                    if (nameHash[i] == hash && nameLength[i] == length && nameText(nameAt[i]).equals(nameText(at))) {
                        throw NOT_PLAIN; // a duplicate name: the full path's error
                    }
                }
            }
            seen |= bit;
            if (skimNames == nameAt.length) {
                nameAt = Arrays.copyOf(nameAt, skimNames * 2);
                nameLength = Arrays.copyOf(nameLength, skimNames * 2);
                nameHash = Arrays.copyOf(nameHash, skimNames * 2);
            }
            nameAt[skimNames] = at;
            nameLength[skimNames] = length;
            nameHash[skimNames] = hash;
            skimNames++;
            skipWhitespace();
            if (next() != ':') {
                throw NOT_PLAIN;
            }
            skipWhitespace();
            skim();
            skipWhitespace();
        } while (skimMore('}'));
        skimNames = base;
        depth--;
    }

    /**
     * A member name of a skimmed object, checked as {@link #skipString} checks a string: the hash of its decoded chars
     * (their count in {@link #skimmedLength}), so two spellings of one name (an escape) hash alike.
     */
    private int skimName() {
        pos++;
        int hash = 0;
        int length = 0;
        boolean highPending = false;
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (highPending) {
                    throw NOT_PLAIN;
                }
                skimmedLength = length;
                return hash;
            }
            if (c < 0x20) {
                throw NOT_PLAIN;
            }
            if (c == '\\') {
                c = escaped();
            }
            if (highPending != Character.isLowSurrogate(c)) {
                throw NOT_PLAIN; // a high surrogate not followed by a low one, or a low one alone
            }
            highPending = Character.isHighSurrogate(c);
            hash = 31 * hash + c;
            length++;
        }
    }

    private int skimmedLength;

    /** The decoded name whose opening quote is at {@code at} (only when two names' hashes meet). */
    private String nameText(int at) {
        int saved = pos;
        pos = at;
        String name = string();
        pos = saved;
        return name;
    }

    /** After a skimmed item: true at a ',', false at {@code close}; anything else is not plain. */
    private boolean skimMore(char close) {
        char c = next();
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw NOT_PLAIN;
        }
        return true;
    }

    private void skipLiteral(String word) {
        if (!text.startsWith(word, pos)) {
            throw NOT_PLAIN;
        }
        pos += word.length();
    }

    /** Name stack of the skimmed objects being walked (start, length, hash), for the duplicate check. */
    private int[] nameAt = new int[64];
    private int[] nameLength = new int[64];
    private int[] nameHash = new int[64];
    private int skimNames;

    /**
     * A string value straight into its RFC 8785 form: plain ASCII is copied from the text in one go; anything else is
     * decoded (escapes, surrogate pairs) and re-encoded char by char, without building a String. Unpaired surrogates
     * and raw control characters are not plain (the full path rejects them).
     */
    private void stringValue() {
        int begin = pos + 1;
        int i = begin;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                int length = i - begin;
                ensure(length + 2);
                out[size++] = '"';
                text.getBytes(begin, i, out, size); // ASCII checked below 0x80, no escapes: the text is the JCS form
                size += length;
                out[size++] = '"';
                pos = i + 1;
                return;
            }
            if (c < 0x20 || c >= 0x80 || c == '\\') {
                break;
            }
            i++;
        }
        ensure(i - begin + 1);
        out[size++] = '"';
        text.getBytes(begin, i, out, size); // the plain ASCII run before the first other character
        size += i - begin;
        pos = i;
        char high = 0;
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                c = escaped();
            } else if (c < 0x20) {
                throw NOT_PLAIN;
            }
            if (high != 0) {
                if (!Character.isLowSurrogate(c)) {
                    throw NOT_PLAIN;
                }
                int cp = Character.toCodePoint(high, c);
                ensure(4);
                out[size++] = (byte) (0xF0 | cp >> 18);
                out[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | cp & 0x3F);
                high = 0;
            } else if (Character.isHighSurrogate(c)) {
                high = c;
            } else if (Character.isLowSurrogate(c)) {
                throw NOT_PLAIN;
            } else {
                utf8(c);
            }
        }
        if (high != 0) {
            throw NOT_PLAIN;
        }
        add('"');
    }

    /** One char that is not a surrogate, as RFC 8785 writes it inside a string. */
    private void utf8(char c) {
        ensure(6);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            out[size++] = (byte) c;
        } else if (c < 0x80) {
            escape(c);
        } else if (c < 0x800) {
            out[size++] = (byte) (0xC0 | c >> 6);
            out[size++] = (byte) (0x80 | c & 0x3F);
        } else {
            out[size++] = (byte) (0xE0 | c >> 12);
            out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Checks a string token as {@link #string} does (escapes, controls, surrogate pairs) without building it. */
    private void skipString() {
        pos++;
        boolean highPending = false;
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (highPending) {
                    throw NOT_PLAIN;
                }
                return;
            }
            if (c < 0x20) {
                throw NOT_PLAIN;
            }
            if (c == '\\') {
                char e = text.charAt(pos++);
                if (e == 'u') {
                    c = unicodeEscape();
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw NOT_PLAIN;
                } else {
                    c = 'x'; // an escaped ASCII character: no surrogate
                }
            }
            if (highPending != Character.isLowSurrogate(c)) {
                throw NOT_PLAIN; // a high surrogate not followed by a low one, or a low one alone
            }
            highPending = Character.isHighSurrogate(c);
        }
    }

    private void sourceMember(String name) {
        switch (name) {
            case "db" -> db = requiredString(lastDb);
            case "table" -> table = requiredString(lastTable);
            case "schema" -> {
                if (peek() == 'n') {
                    literal("null");
                    schema = null;
                } else {
                    schema = requiredString(lastSchema);
                }
            }
            case "ts_ms" -> sourceTsMs = numberTokenOrValue();
            default -> skim();
        }
    }

    /** A string member; {@code previous} itself when the text spells exactly it (no escapes), so no copy is made. */
    private String requiredString(String previous) {
        if (peek() != '"') {
            throw NOT_PLAIN;
        }
        if (previous != null) {
            int length = previous.length();
            int end = pos + 1 + length;
            if (end < text.length() && text.charAt(end) == '"' && text.regionMatches(pos + 1, previous, 0, length)
                    && spelledAsIs(previous)) {
                pos = end + 1;
                return previous;
            }
        }
        return string();
    }

    /** Whether a JSON string token holding exactly these chars is valid and has no escape. */
    private static boolean spelledAsIs(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The value of an integer token (for ts_ms; null when out of range), or null after walking any other value. */
    private Long numberTokenOrValue() {
        char c = peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            int at = pos;
            number();
            return isIntegerToken(text, at, pos) ? longOrNull(text, at, pos) : null;
        }
        value();
        return null;
    }

    private void sortMembers(int objectFrom, int base, int n, boolean emit) {
        String[] names = memberNames;
        if (!emit) {
            requireUnique(names, base, n);
            return;
        }
        int[] order = knownOrder(names, base, n);
        if (order == null) {
            order = sortedOrder(names, base, n);
        }
        if (order == IN_ORDER) {
            return;
        }
        int length = size - objectFrom;
        if (swap.length < length) {
            swap = new byte[Math.max(length, swap.length * 2)];
        }
        System.arraycopy(out, objectFrom, swap, 0, length);
        int w = objectFrom + 1;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out[w++] = ',';
            }
            int m = base + order[i];
            int len = memberTo[m] - memberFrom[m];
            System.arraycopy(swap, memberFrom[m] - objectFrom, out, w, len);
            w += len;
        }
        out[w] = '}';
    }

    /**
     * The rows of a stream repeat one table's member names in one order, and cached names are the same String for the
     * same text: so the last few name sequences and their RFC 8785 orders are kept, and a sequence seen before (same
     * Strings, same order) takes its order without comparing a name. A sequence is remembered only after it was
     * checked (no duplicates), so a hit needs no check either.
     */
    private static final int ORDER_SLOTS = 8;
    /** The order of a name sequence that is already in RFC 8785 order. */
    private static final int[] IN_ORDER = new int[0];
    private final String[][] orderNames = new String[ORDER_SLOTS][];
    private final int[][] orders = new int[ORDER_SLOTS][];
    private int nextOrderSlot;

    private int[] knownOrder(String[] names, int base, int n) {
        for (int slot = 0; slot < ORDER_SLOTS; slot++) {
            String[] seen = orderNames[slot];
            if (seen == null || seen.length != n) {
                continue;
            }
            int i = 0;
            while (i < n && seen[i] == names[base + i]) {
                i++;
            }
            if (i == n) {
                return orders[slot];
            }
        }
        return null;
    }

    /** Sorts (insertion sort of indices: a few dozen members at most), checks for duplicates and remembers the order. */
    private int[] sortedOrder(String[] names, int base, int n) {
        boolean sorted = true;
        for (int i = base + 1; i < base + n; i++) {
            int cmp = names[i - 1].compareTo(names[i]);
            if (cmp == 0) {
                throw NOT_PLAIN; // a duplicate name: the full path's error
            }
            sorted &= cmp < 0;
        }
        int[] order = IN_ORDER;
        if (!sorted) {
            order = new int[n];
            for (int i = 0; i < n; i++) {
                int m = base + i;
                int j = i - 1;
                while (j >= 0 && names[base + order[j]].compareTo(names[m]) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                if (j >= 0 && names[base + order[j]].equals(names[m])) {
                    throw NOT_PLAIN;
                }
                order[j + 1] = i;
            }
        }
        int slot = nextOrderSlot;
        nextOrderSlot = (slot + 1) % ORDER_SLOTS;
        orderNames[slot] = Arrays.copyOfRange(names, base, base + n);
        orders[slot] = order;
        return order;
    }

    /**
     * Duplicate names in an object that is only walked (envelope, source): no order needed. A 64-bit filter of the
     * names' hashes finds the candidates; cached names are the same String for the same text, so a real check is
     * mostly one reference comparison.
     */
    private static void requireUnique(String[] names, int base, int n) {
        long seen = 0;
        for (int i = base; i < base + n; i++) {
            String a = names[i];
            long bit = 1L << (a.hashCode() & 63);
            if ((seen & bit) != 0) {
                for (int j = base; j < i; j++) {
                    String b = names[j];
                    if (a == b || (a.hashCode() == b.hashCode() && a.equals(b))) {
                        throw NOT_PLAIN; // a duplicate name: the full path's error
                    }
                }
            }
            seen |= bit;
        }
    }

    /** A string token, unescaped; unpaired surrogates and raw control characters are not plain. */
    private String string() {
        int begin = ++pos;
        while (true) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = text.substring(begin, pos);
                pos++;
                return s;
            }
            if (c == '\\') {
                return escapedString(begin);
            }
            if (c < 0x20) {
                throw NOT_PLAIN;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(text.charAt(pos + 1))) {
                    throw NOT_PLAIN;
                }
                pos++;
            }
            pos++;
        }
    }

    private String escapedString(int begin) {
        StringBuilder sb = new StringBuilder(pos - begin + 16).append(text, begin, pos);
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw NOT_PLAIN;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            sb.append(escaped());
        }
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < sb.length() && Character.isLowSurrogate(sb.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw NOT_PLAIN;
            }
        }
        return sb.toString();
    }

    /** The char an escape stands for; {@code pos} is just after its backslash. Unknown escapes are not plain. */
    private char escaped() {
        char e = text.charAt(pos++);
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw NOT_PLAIN;
        };
    }

    /** The four hex digits of a u escape (ASCII digits and a-f / A-F only, as the strict parser). */
    private char unicodeEscape() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char h = text.charAt(pos++);
            int d = Character.digit(h, 16);
            if (d < 0 || h > 'f') {
                throw NOT_PLAIN;
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    /** A number token, written as leaf-v2 writes an untyped number (UntypedValues' rule, same code for the rare cases). */
    private void number() {
        int begin = pos;
        int end = NumberTokens.end(text, pos);
        if (end < 0) {
            throw NOT_PLAIN;
        }
        pos = end;
        boolean integer = isIntegerToken(text, begin, end);
        int length = pos - begin;
        if (integer && length <= 15 && !(length == 2 && text.charAt(begin) == '-' && text.charAt(begin + 1) == '0')) {
            ensure(length);
            text.getBytes(begin, pos, out, size); // ASCII digits; below 10^15 < 2^53 the token is the canonical text
            size += length;
            return;
        }
        JsonValue v = UntypedValues.number(new JsonNumber(text.substring(begin, pos)));
        switch (v) {
            case JsonNumber num -> ascii(num.text());
            case JsonString s -> quote(s.value());
            default -> throw new IllegalStateException("an untyped number became a JSON " + v.typeName());
        }
    }

    /** RFC 8785 string: ECMAScript JSON.stringify escapes, everything else as UTF-8 (pairs already checked). */
    private void quote(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        out[size++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out[size++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | c >> 6);
                out[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[size++] = (byte) (0xF0 | cp >> 18);
                out[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[size++] = (byte) (0xE0 | c >> 12);
                out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out[size++] = '"';
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private void escape(char c) {
        ensure(6);
        out[size++] = '\\';
        switch (c) {
            case '"', '\\' -> out[size++] = (byte) c;
            case '\n' -> out[size++] = 'n';
            case '\r' -> out[size++] = 'r';
            case '\t' -> out[size++] = 't';
            case '\b' -> out[size++] = 'b';
            case '\f' -> out[size++] = 'f';
            default -> {
                out[size++] = 'u';
                out[size++] = '0';
                out[size++] = '0';
                out[size++] = HEX[c >> 4];
                out[size++] = HEX[c & 15];
            }
        }
    }

    private static boolean isIntegerToken(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /** The envelope's informational longs never fail a record: out of range is simply no time. */
    private static Long longOrNull(String text, int from, int to) {
        try {
            return Long.parseLong(text, from, to, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw NOT_PLAIN;
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\uFFFF';
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }


    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, out, size); // ASCII only: the deprecated form copies the low byte, exactly right here
        size += n;
    }

    private void bytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, out, size, length);
        size += length;
    }

    private void add(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
