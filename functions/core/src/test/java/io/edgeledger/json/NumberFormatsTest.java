package io.edgeledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.testing.Doubles;
import io.edgeledger.testing.EcmaScriptNumbers;
import io.edgeledger.testing.Property;
import org.junit.jupiter.api.Test;

class NumberFormatsTest {
    /** Every class of double (see {@link Doubles}) against erdtman's RFC 8785 serializer, written independently of ours. */
    @Test
    void ecmascriptMatchesAnIndependentJcsImplementation() {
        Property.forAll(50_000, r -> {
            double d = Doubles.any(r);
            assertThat(NumberFormats.ecmascript(d)).as("bits %s", Double.doubleToRawLongBits(d)).isEqualTo(independent(d));
        });
    }

    /** Where JDK 19+'s Double.toString keeps two digits although one round-trips, and the layout edges. */
    @Test
    void ecmascriptEdges() throws java.io.IOException {
        for (double d : new double[] {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, 9 * Double.MIN_VALUE,
                Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 1e22, 1e21, 9007199254740993.0, 0x1p63, 1e-6, 1e-7, 123e-20}) {
            assertThat(NumberFormats.ecmascript(d)).as("%s", d).isEqualTo(independent(d));
            assertThat(NumberFormats.ecmascript(-d)).as("%s", -d).isEqualTo(independent(-d));
        }
        assertThat(NumberFormats.ecmascript(Double.MIN_VALUE)).isEqualTo("5e-324"); // Java: 4.9E-324
        assertThat(NumberFormats.ecmascript(2 * Double.MIN_VALUE)).isEqualTo("1e-323"); // Java: 9.9E-324
        assertThat(NumberFormats.pythonRepr(Double.MIN_VALUE)).isEqualTo("5e-324"); // Python's repr has the same digits
        assertThat(org.erdtman.jcs.NumberToJSON.serializeNumber(Double.MIN_VALUE)).isEqualTo("5e-324"); // erdtman itself agrees here
        assertThat(org.erdtman.jcs.NumberToJSON.serializeNumber(2 * Double.MIN_VALUE)).isEqualTo("1e-323");
    }

    /** The literal spec algorithm, beside erdtman's, on the classes where erdtman's dtoa is weakest. */
    @Test
    void ecmascriptMatchesTheSpecDefinitionForSubnormalsAndPowersOfTen() {
        Property.forAll(3_000, r -> {
            double d = r.nextBoolean() ? Double.longBitsToDouble(r.nextLong(1, 1L << 52))
                    : Math.nextAfter(Double.parseDouble("1e" + r.nextInt(-323, 309)), r.nextBoolean() ? 1e308 : 0);
            assertThat(NumberFormats.ecmascript(d)).as("bits %s", Double.doubleToRawLongBits(d)).isEqualTo(EcmaScriptNumbers.byDefinition(d));
        });
        assertThat(NumberFormats.ecmascript(1e-314)).isEqualTo(EcmaScriptNumbers.byDefinition(1e-314)).isEqualTo("1e-314");
    }

    private static String independent(double d) {
        return EcmaScriptNumbers.independent(d);
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
