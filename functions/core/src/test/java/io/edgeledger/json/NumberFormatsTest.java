package io.edgeledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.Property;
import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;

class NumberFormatsTest {
    @Test
    void ecmascriptMatchesAnIndependentJcsImplementation() {
        Property.forAll(50_000, r -> {
            double d = switch (r.nextInt(4)) {
                case 0 -> Double.longBitsToDouble(r.nextLong());
                case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
                case 2 -> (double) r.nextLong(-(1L << 53), 1L << 53);
                default -> r.nextInt(-100000, 100000) / 100.0;
            };
            if (Double.isFinite(d)) {
                try {
                    assertThat(NumberFormats.ecmascript(d)).as("%s", Double.doubleToRawLongBits(d)).isEqualTo(NumberToJSON.serializeNumber(d));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
    }

    @Test
    void ecmascriptLayouts() {
        assertThat(NumberFormats.ecmascript(2e25)).isEqualTo("2e+25");
        assertThat(NumberFormats.ecmascript(3.5e-8)).isEqualTo("3.5e-8");
        assertThat(NumberFormats.ecmascript(1e21)).isEqualTo("1e+21");
        assertThat(NumberFormats.ecmascript(1e20)).isEqualTo("100000000000000000000");
        assertThat(NumberFormats.ecmascript(0.000001)).isEqualTo("0.000001");
        assertThat(NumberFormats.ecmascript(1e-7)).isEqualTo("1e-7");
        assertThat(NumberFormats.ecmascript(-0.0)).isEqualTo("0");
        assertThat(NumberFormats.ecmascript(2.5)).isEqualTo("2.5");
    }

    /** The examples the vectors README gives for Python repr. */
    @Test
    void pythonRepr() {
        assertThat(NumberFormats.pythonRepr(1.0)).isEqualTo("1.0");
        assertThat(NumberFormats.pythonRepr(0.1)).isEqualTo("0.1");
        assertThat(NumberFormats.pythonRepr(1e-05)).isEqualTo("1e-05");
        assertThat(NumberFormats.pythonRepr(2.5e-08)).isEqualTo("2.5e-08");
        assertThat(NumberFormats.pythonRepr(1e16)).isEqualTo("1e+16");
        assertThat(NumberFormats.pythonRepr(1.5e-07)).isEqualTo("1.5e-07");
        assertThat(NumberFormats.pythonRepr(1e-4)).isEqualTo("0.0001");
        assertThat(NumberFormats.pythonRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(NumberFormats.pythonRepr(-0.0)).isEqualTo("-0.0");
        assertThat(NumberFormats.pythonRepr(123.456)).isEqualTo("123.456");
    }
}
