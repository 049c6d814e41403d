package io.edgeledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Reads resources out of a synthesized template as plain maps, for assertions Match patterns can't express. */
public final class TemplateValues {
    private TemplateValues() {
    }

    /** Properties of the only resource of {@code type} whose properties match {@code filter}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> onlyProperties(Template template, String type, Map<String, Object> filter) {
        Map<String, Map<String, Object>> found = template.findResources(type, Map.of("Properties", filter));
        assertThat(found).as("%s matching %s", type, filter).hasSize(1);
        return (Map<String, Object>) found.values().iterator().next().get("Properties");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> environment(Template template, String functionName) {
        Map<String, Object> function = onlyProperties(template, "AWS::Lambda::Function",
                Map.of("FunctionName", functionName));
        return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    }

    public static String logicalId(Template template, String type, Map<String, Object> filter) {
        Map<String, Map<String, Object>> found = template.findResources(type, Map.of("Properties", filter));
        assertThat(found).as("%s matching %s", type, filter).hasSize(1);
        return found.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(Map<String, Object> policyProperties) {
        return (List<Map<String, Object>>) ((Map<String, Object>) policyProperties.get("PolicyDocument"))
                .get("Statement");
    }
}
