package io.edgeledger.probe.devlog.event;

/** Text rules shared by every source: 2000 code point cap, UTF-8 byte length of tool output. */
public final class Texts {
    public static final int MAX_CODE_POINTS = 2000;

    private Texts() {}

    public static String cap(String text) {
        if (text.length() <= MAX_CODE_POINTS) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.min(MAX_CODE_POINTS, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
