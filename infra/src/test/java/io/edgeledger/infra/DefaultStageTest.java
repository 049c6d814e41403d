package io.edgeledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** The stage as `cdk synth` makes it with no context: names, tags, and a clean synth. */
class DefaultStageTest {
    private final SynthesizedStage stage = SynthesizedStage.defaults();

    @Test
    void fiveStacksNamedByStageAndFeature() {
        assertThat(stage.allStacks()).extracting(Stack::getStackName).containsExactly(
                "EdgeLedger-dev-Network", "EdgeLedger-dev-State", "EdgeLedger-dev-Api", "EdgeLedger-dev-Cdc",
                "EdgeLedger-dev-Monitoring");
    }

    @Test
    void stacksAreEnvironmentAgnosticSoSynthNeedsNoAccount() {
        for (Stack stack : stage.allStacks()) {
            assertThat(stack.getAccount()).as(stack.getStackName()).startsWith("${Token[");
            assertThat(stack.getRegion()).as(stack.getStackName()).startsWith("${Token[");
        }
    }

    @Test
    void everythingIsTaggedWithProjectAndStage() {
        stage.template(stage.stacks.cdc()).allResourcesProperties("AWS::Lambda::Function", Map.of("Tags",
                Match.arrayWith(List.of(Map.of("Key", "project", "Value", "edgeledger"),
                        Map.of("Key", "stage", "Value", "dev")))));
    }

    @Test
    void synthLeavesNoWarningsOrErrors() {
        for (Stack stack : stage.allStacks()) {
            stage.template(stack);
            Annotations.fromStack(stack).hasNoError("*", Match.anyValue());
            Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
        }
    }

    @Test
    void lambdaZipsAreDeployedAsTheyAreAsFileAssets() throws IOException {
        Map<String, Object> api = TemplateValues.onlyProperties(stage.template(stage.stacks.api()),
                "AWS::Lambda::Function", Map.of("FunctionName", "edgeledger-dev-api"));
        Map<String, Object> minter = TemplateValues.onlyProperties(stage.template(stage.stacks.cdc()),
                "AWS::Lambda::Function", Map.of("FunctionName", "edgeledger-dev-near-minter"));
        for (var pair : List.of(Map.entry(api, stage.zips.api()), Map.entry(minter, stage.zips.cdc()))) {
            @SuppressWarnings("unchecked")
            String key = ((Map<String, Object>) pair.getKey().get("Code")).get("S3Key").toString();
            assertThat(key).endsWith(".zip");
            Path staged = stage.outdir.resolve("asset." + key);
            assertThat(staged).exists();
            assertThat(Files.readAllBytes(staged)).isEqualTo(Files.readAllBytes(pair.getValue()));
        }
    }

    @Test
    void appArgumentsAreContextPairs() {
        assertThat(EdgeLedgerApp.contextArgs(new String[] {"stage=prod", "nearRpcUrl=https://a.example/?x=1"}))
                .containsExactly(Map.entry("stage", "prod"), Map.entry("nearRpcUrl", "https://a.example/?x=1"));
        assertThatThrownBy(() -> EdgeLedgerApp.contextArgs(new String[] {"prod"}))
                .hasMessage("argument 'prod' is not key=value (e.g. stage=prod)");
    }
}
