package io.edgeledger.probe.traceroute.multipath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The n_k table Paris traceroute and scamper's tracelb use (Veitch et al., Augustin et al.), computed. */
class StoppingRuleTest {

    private static List<Integer> table(double confidence, int upTo) {
        StoppingRule rule = new StoppingRule(confidence);
        List<Integer> out = new ArrayList<>();
        for (int k = 2; k <= upTo; k++) {
            out.add(rule.probes(k));
        }
        return out;
    }

    @Test
    void ninetyFivePercentIsThePublishedTable() {
        assertThat(table(95, 20)).containsExactly(6, 11, 16, 21, 27, 33, 38, 44, 51, 57, 63, 70, 76, 83, 90, 96,
                103, 110, 117);
        assertThat(new StoppingRule(95).probes(1)).isEqualTo(1);
    }

    @Test
    void ninetyNinePercentIsThePublishedTable() {
        assertThat(table(99, 11)).containsExactly(8, 15, 21, 28, 36, 43, 51, 58, 66, 74);
    }

    @Test
    void wideBalancersStayMonotonicBeyondTheExactRange() {
        List<Integer> t = table(95, 130);
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i)).isGreaterThan(t.get(i - 1));
        }
    }

    @Test
    void confidenceOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> new StoppingRule(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoppingRule(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
