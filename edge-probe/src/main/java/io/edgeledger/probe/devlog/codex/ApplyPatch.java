package io.edgeledger.probe.devlog.codex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The files an {@code apply_patch} envelope touches, in order, each once. */
final class ApplyPatch {
    private static final String[] MARKERS = {"*** Add File:", "*** Update File:", "*** Delete File:", "*** Move to:"};

    private ApplyPatch() {}

    static List<String> paths(String patch) {
        Set<String> paths = new LinkedHashSet<>();
        if (patch == null) {
            return List.of();
        }
        for (String line : patch.split("\n", -1)) {
            for (String marker : MARKERS) {
                if (line.startsWith(marker)) {
                    String path = line.substring(marker.length()).trim();
                    if (!path.isEmpty()) {
                        paths.add(path);
                    }
                }
            }
        }
        return new ArrayList<>(paths);
    }
}
