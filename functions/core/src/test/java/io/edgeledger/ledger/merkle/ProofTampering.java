package io.edgeledger.ledger.merkle;

import static io.edgeledger.ledger.VectorFiles.*;

import io.edgeledger.json.JsonArray;
import io.edgeledger.json.JsonBoolean;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Tampered RFC 6962 proofs made from the valid ones of a vector file, in the shape of the vectors' own
 * {@code tampered_proofs[]} entries (so {@link TamperedProofs} and the CLI check them the same way). Every entry
 * here states something false about the tree it came from, so every one must be rejected: a bit flipped in each
 * path element, an element dropped or added, another leaf's index, a size outside the tree or one that changes the
 * proof's shape (a size with the same shape, e.g. 7 and 8 for leaf 0, is a true statement about some tree with that
 * root and is left out).
 */
public final class ProofTampering {
    private ProofTampering() {}

    public static List<JsonObject> rfc6962(JsonObject vectors) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject c : cases(vectors, "tree_cases")) {
            List<JsonObject> leaves = objects(c, "leaves");
            for (JsonObject p : spread(objects(c, "inclusion_proofs"))) {
                inclusion(c, leaves, p, out);
            }
            for (JsonObject p : spread(objects(c, "consistency_proofs"))) {
                consistency(c, p, out);
            }
        }
        return out;
    }

    private static void inclusion(JsonObject c, List<JsonObject> leaves, JsonObject p, List<JsonObject> out) {
        long index = num(p, "leaf_index");
        long size = num(p, "tree_size");
        List<String> path = strings(p, "audit_path");
        String leafHex = leafDataHex(leaves.get((int) index));
        String what = str(c, "name") + " leaf " + index + ": ";
        for (int i = 0; i < path.size(); i++) {
            out.add(inclusion(c, what + "bit flipped in path element " + i, leafHex, index, size, replace(path, i, flipBit(path.get(i)))));
        }
        if (!path.isEmpty()) {
            out.add(inclusion(c, what + "last path element dropped", leafHex, index, size, path.subList(0, path.size() - 1)));
        }
        List<String> longer = new ArrayList<>(path);
        longer.add(Hex.of(Rfc6962.leafHash(new byte[0])));
        out.add(inclusion(c, what + "path element added", leafHex, index, size, longer));
        if (size > 1) {
            long other = (index + 1) % size;
            if (!leafDataHex(leaves.get((int) other)).equals(leafHex)) { // the same leaf twice would truly be at both
                out.add(inclusion(c, what + "claimed at index " + other, leafHex, other, size, path));
            }
        }
        out.add(inclusion(c, what + "tree size equal to the index", leafHex, index, index, path));
        long wider = 2 * Long.highestOneBit(size) + 1;
        if (!shape(index, wider).equals(shape(index, size))) {
            out.add(inclusion(c, what + "tree size " + wider, leafHex, index, wider, path));
        }
    }

    private static void consistency(JsonObject c, JsonObject p, List<JsonObject> out) {
        long m = num(p, "first_size");
        long n = num(p, "second_size");
        List<String> proof = strings(p, "proof");
        String what = str(c, "name") + " consistency " + m + "->" + n + ": ";
        for (int i = 0; i < proof.size(); i++) {
            out.add(consistency(c, what + "bit flipped in proof element " + i, m, n, str(p, "first_root"), str(p, "second_root"),
                    replace(proof, i, flipBit(proof.get(i)))));
        }
        if (!proof.isEmpty()) {
            out.add(consistency(c, what + "last proof element dropped", m, n, str(p, "first_root"), str(p, "second_root"),
                    proof.subList(0, proof.size() - 1)));
        }
        if (m > 0 && m < n) {
            List<String> longer = new ArrayList<>(proof);
            longer.add(str(p, "first_root"));
            out.add(consistency(c, what + "proof element added", m, n, str(p, "first_root"), str(p, "second_root"), longer));
            out.add(consistency(c, what + "first root flipped", m, n, flipBit(str(p, "first_root")), str(p, "second_root"), proof));
            out.add(consistency(c, what + "second root flipped", m, n, str(p, "first_root"), flipBit(str(p, "second_root")), proof));
            out.add(consistency(c, what + "sizes swapped", n, m, str(p, "second_root"), str(p, "first_root"), proof));
        }
    }

    /** All of a short list; of a long one (the 1,000-leaf tree) the ends and 14 evenly spread between them. */
    public static <T> List<T> spread(List<T> all) {
        if (all.size() <= 16) {
            return all;
        }
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            picked.add(all.get((int) ((long) i * (all.size() - 1) / 15)));
        }
        return picked.stream().distinct().toList();
    }

    /** The left/right pattern RFC 9162's verifier walks for a leaf; the same pattern means the same computation. */
    static String shape(long index, long size) {
        if (index >= size) {
            return "out of range";
        }
        StringBuilder s = new StringBuilder();
        long fn = index;
        long sn = size - 1;
        while (sn > 0) {
            if ((fn & 1) == 1 || fn == sn) {
                s.append('L');
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                s.append('R');
            }
            fn >>= 1;
            sn >>= 1;
        }
        return s.toString();
    }

    private static String leafDataHex(JsonObject leaf) {
        return HexFormat.of().formatHex(str(leaf, "leaf_data").getBytes(StandardCharsets.UTF_8));
    }

    /** The hex string with the lowest bit of its last byte flipped. */
    public static String flipBit(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        b[b.length - 1] ^= 1;
        return HexFormat.of().formatHex(b);
    }

    public static List<String> replace(List<String> list, int i, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.set(i, value);
        return copy;
    }

    private static JsonObject inclusion(JsonObject c, String description, String leafHex, long index, long size, List<String> path) {
        return JsonObject.builder().put("kind", "inclusion").put("tree", str(c, "name")).put("description", description)
                .put("expected_valid", JsonBoolean.FALSE).put("leaf_data_hex", leafHex).put("leaf_index", index)
                .put("tree_size", size).put("audit_path", array(path)).put("root", str(c, "root")).build();
    }

    private static JsonObject consistency(JsonObject c, String description, long m, long n, String firstRoot, String secondRoot,
            List<String> proof) {
        return JsonObject.builder().put("kind", "consistency").put("tree", str(c, "name")).put("description", description)
                .put("expected_valid", JsonBoolean.FALSE).put("first_size", m).put("second_size", n)
                .put("first_root", firstRoot).put("second_root", secondRoot).put("proof", array(proof)).build();
    }

    public static JsonArray array(List<String> hex) {
        return new JsonArray(hex.stream().<JsonValue>map(JsonString::new).toList());
    }
}
