package io.edgeledger.probe.devlog.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File discovery shared by the sources: a sorted recursive walk that never returns test expectations. */
public final class Discovery {
    private Discovery() {}

    public static List<Path> walk(Path root, int maxDepth, Predicate<Path> wanted) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, maxDepth, FileVisitOption.FOLLOW_LINKS)) {
            files.filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                    .filter(Files::isRegularFile)
                    .filter(wanted)
                    .forEach(found::add);
        } catch (UncheckedIOException e) {
            // a directory vanished mid-walk (session cleanup), a symlink loop, an unreadable directory:
            // report what was found so far; the next scan tries again
        }
        found.sort(null);
        return found;
    }

    public static String name(Path p) {
        return p.getFileName().toString();
    }
}
