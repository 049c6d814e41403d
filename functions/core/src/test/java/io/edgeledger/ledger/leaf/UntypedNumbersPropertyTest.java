package io.edgeledger.ledger.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonNumber;
import io.edgeledger.json.JsonString;
import io.edgeledger.json.JsonValue;
import io.edgeledger.testing.Doubles;
import io.edgeledger.testing.EcmaScriptNumbers;
import io.edgeledger.testing.Property;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The schemaless number rule (vectors README, "Untyped values"): a non-integer token stays a number
 * exactly when RFC 8785's text for its nearest double has the token's mathematical value; otherwise the
 * token is kept verbatim as a string. The oracle is erdtman's independent RFC 8785 serializer.
 */
class UntypedNumbersPropertyTest {

    @Test
    void aTokenStaysANumberExactlyWhenRfc8785WritesItsValue() {
        Property.forAll(20_000, r -> {
            String token = token(r);
            double d = Double.parseDouble(token);
            JsonValue converted = UntypedValues.number(new JsonNumber(token));
            boolean keeps = Double.isFinite(d) && !UntypedValues.isNegativeZero(d) && sameValue(token, independent(d));
            if (keeps) {
                assertThat(converted).as(token).isEqualTo(new JsonNumber(independent(d)));
            } else {
                assertThat(converted).as(token).isEqualTo(new JsonString(token));
            }
        });
    }

    @Test
    void theSubnormalEdgeKeepsItsShortestText() {
        // 5e-324 is what ECMAScript writes for the smallest double; Java's 4.9E-324 has another value.
        assertThat(UntypedValues.number(new JsonNumber("5e-324"))).isEqualTo(new JsonNumber("5e-324"));
        assertThat(UntypedValues.number(new JsonNumber("4.9E-324"))).isEqualTo(new JsonString("4.9E-324"));
        assertThat(UntypedValues.number(new JsonNumber("1e-323"))).isEqualTo(new JsonNumber("1e-323"));
    }

    /** Non-integer tokens (integer tokens follow the 2^53 rule) as producers print doubles: JS, Java, padded, truncated. */
    private static String token(SplittableRandom r) {
        double d = Doubles.any(r);
        String text = switch (r.nextInt(4)) {
            case 0 -> independent(d);
            case 1 -> Double.toString(d);
            case 2 -> new BigDecimal(d).toString(); // the double's exact value: stays a number only if short
            default -> String.format("%.3e", d);
        };
        return text.matches("-?\\d+") ? text + ".0" : text;
    }

    private static boolean sameValue(String token, String canonical) {
        return new BigDecimal(token).compareTo(new BigDecimal(canonical)) == 0;
    }

    private static String independent(double d) {
        return EcmaScriptNumbers.independent(d);
    }
}
