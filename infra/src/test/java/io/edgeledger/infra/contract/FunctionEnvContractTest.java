package io.edgeledger.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.infra.SynthesizedStage;
import io.edgeledger.infra.TemplateValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Template;

/**
 * The template is the contract, static half: per function, every EDGELEDGER_ variable the template sets is read by
 * the function's code, and every one the code reads is set by the template or listed with its default in a settings
 * table of docs/*.md. "What the code reads" is taken from the sources themselves, so adding an unread variable to
 * the template, or a new unset and undocumented variable to the code, fails here: the EDGELEDGER_ names in the
 * function module's and functions/core's main sources and application.properties, plus the environment names of
 * the API's @ConfigMapping (edgeledger.api.max-body-bytes = EDGELEDGER_API_MAX_BODY_BYTES). The local runners
 * (package local) and the core CLI (package cli) are not part of a deployed function and are left out.
 */
class FunctionEnvContractTest {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern NAME = Pattern.compile("EDGELEDGER_[A-Z0-9_]*[A-Z0-9]");
    private static Template api;
    private static Template cdc;

    @BeforeAll
    static void synth() {
        SynthesizedStage stage = SynthesizedStage.defaults();
        api = stage.template(stage.stacks.api());
        cdc = stage.template(stage.stacks.cdc());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"edgeledger-dev-api, api", "edgeledger-dev-cdc-batcher, cdc", "edgeledger-dev-near-minter, cdc"})
    void everyVariableIsReadAndEveryReadVariableIsSetOrDocumented(String function, String module) {
        Set<String> set = new TreeSet<>();
        TemplateValues.environment(module.equals("api") ? api : cdc, function).keySet().stream()
                .filter(n -> n.startsWith("EDGELEDGER_")).forEach(set::add);
        Set<String> read = readBy(module);

        Set<String> setButUnread = new TreeSet<>(set);
        setButUnread.removeAll(read);
        assertThat(setButUnread).as("%s: the template sets variables its code never reads", function).isEmpty();

        Set<String> documented = documentedSettings();
        Set<String> unsetAndUndocumented = new TreeSet<>(read);
        unsetAndUndocumented.removeAll(set);
        unsetAndUndocumented.removeAll(documented);
        assertThat(unsetAndUndocumented).as("%s: read by the code, not set by the template and without a documented default "
                + "(add a row `NAME` | default | ... to the settings table of docs/api.md or docs/cdc.md)", function).isEmpty();
    }

    static Set<String> readBy(String module) {
        Set<String> names = new TreeSet<>();
        scan(REPO.resolve("functions/" + module + "/src/main"), names);
        scan(REPO.resolve("functions/core/src/main"), names);
        if (module.equals("api")) {
            names.addAll(configMappingNames(REPO.resolve("functions/api/src/main/java/io/edgeledger/api/config/ApiConfig.java")));
        }
        return names;
    }

    private static void scan(Path root, Set<String> names) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties"))
                    .filter(f -> !f.toString().contains("/local/") && !f.toString().contains("/io/edgeledger/cli/"))
                    .forEach(f -> {
                        // comments name variables too (docs, examples); only code and property values count
                        Matcher m = NAME.matcher(withoutComments(read(f)));
                        while (m.find()) {
                            names.add(m.group());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** edgeledger.&lt;group&gt;.&lt;method-in-kebab&gt; for each method of each nested interface, as environment names. */
    static Set<String> configMappingNames(Path source) {
        Set<String> names = new TreeSet<>();
        String group = null;
        for (String line : withoutComments(read(source)).split("\n")) {
            Matcher nested = Pattern.compile("^\\s+interface (\\w+) \\{").matcher(line);
            Matcher method = Pattern.compile("^\\s+[\\w<>]+ (\\w+)\\(\\);").matcher(line);
            if (nested.find()) {
                group = nested.group(1);
            } else if (method.find() && group != null) {
                names.add("EDGELEDGER_" + snake(group) + "_" + snake(method.group(1)));
            }
        }
        return names;
    }

    static Set<String> documentedSettings() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                for (String line : read(doc).split("\n")) {
                    // | `NAME` [, `NAME2`...] | default | meaning |: every name in the first cell, when a default is given
                    Matcher row = Pattern.compile("^\\|([^|]*)\\|([^|]*)\\|").matcher(line);
                    if (row.find() && !row.group(2).isBlank()) {
                        Matcher name = Pattern.compile("`(EDGELEDGER_[A-Z0-9_]+)`").matcher(row.group(1));
                        while (name.find()) {
                            names.add(name.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "").replaceAll("(?m)^\\s*#.*$", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
