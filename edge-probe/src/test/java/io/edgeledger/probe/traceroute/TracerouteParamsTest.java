package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.wire.QueryString;
import io.edgeledger.wire.TracerouteSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one mapping from the wire's TracerouteSpec (jobs, check instances, GET /traceroute) to engine parameters. */
class TracerouteParamsTest {
    @Test
    void multipathOptionsBecomeTheEnginesParisAndMdaSettings() {
        TracerouteParams plain = TracerouteParams.of(TracerouteSpec.defaults("198.18.0.2"));
        assertThat(plain.paris()).isFalse();
        assertThat(plain.multipath()).isFalse();
        assertThat(plain.multipathConfidence()).isZero();

        TracerouteParams paris = TracerouteParams.of(TracerouteSpec.fromQuery(QueryString.parse("target=198.18.0.2&paris")));
        assertThat(paris.paris()).isTrue();
        assertThat(paris.multipath()).isFalse();

        TracerouteParams mda = TracerouteParams.of(TracerouteSpec.fromInstance(
                Map.of("hostname", "198.18.0.2", "multipath", "yes", "confidence", "90")));
        assertThat(mda.multipathConfidence()).isEqualTo(90);
        assertThat(mda.parisRuns()).isTrue();

        TracerouteParams mdaDefault = TracerouteParams.of(TracerouteSpec.fromQuery(Map.of("target", "h", "multipath", "")));
        assertThat(mdaDefault.multipathConfidence()).isEqualTo(TracerouteParams.DEFAULT_MULTIPATH_CONFIDENCE);
    }
}
