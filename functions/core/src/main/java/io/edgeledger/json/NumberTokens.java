package io.edgeledger.json;

/**
 * The RFC 8259 number grammar, shared by the strict parser and the seal path's single pass so both accept
 * exactly the same tokens: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}.
 */
public final class NumberTokens {
    /** Negative results of {@link #end}: why the text at that point is not a number. */
    public static final int INVALID = -1;
    public static final int LEADING_ZERO = -2;
    public static final int NO_FRACTION_DIGIT = -3;
    public static final int EMPTY_EXPONENT = -4;

    private NumberTokens() {}

    /** Index just past the number token starting at {@code from}, or one of the negative reasons. */
    public static int end(String text, int from) {
        int pos = from;
        if (at(text, pos) == '-') {
            pos++;
        }
        if (at(text, pos) == '0') {
            pos++;
            if (isDigit(at(text, pos))) {
                return LEADING_ZERO;
            }
        } else if (isDigit(at(text, pos))) {
            pos = digits(text, pos);
        } else {
            return INVALID;
        }
        if (at(text, pos) == '.') {
            if (!isDigit(at(text, pos + 1))) {
                return NO_FRACTION_DIGIT;
            }
            pos = digits(text, pos + 1);
        }
        char e = at(text, pos);
        if (e == 'e' || e == 'E') {
            pos++;
            if (at(text, pos) == '+' || at(text, pos) == '-') {
                pos++;
            }
            if (!isDigit(at(text, pos))) {
                return EMPTY_EXPONENT;
            }
            pos = digits(text, pos);
        }
        return pos;
    }

    /** The strict parser's message for a negative result of {@link #end}. */
    public static String reason(int code) {
        return switch (code) {
            case LEADING_ZERO -> "number with a leading zero";
            case NO_FRACTION_DIGIT -> "number with no digit after '.'";
            case EMPTY_EXPONENT -> "number with an empty exponent";
            default -> "invalid number";
        };
    }

    private static int digits(String text, int pos) {
        while (isDigit(at(text, pos))) {
            pos++;
        }
        return pos;
    }

    private static char at(String text, int pos) {
        return pos < text.length() ? text.charAt(pos) : '\uFFFF';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
