package io.emolens.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n} or {@code \r\n}) of at most {@code maxChars} characters, so one enormous line (a binary
 * file without newlines, a corrupt export) cannot exhaust memory: a longer line is skipped and returned as
 * {@link #TOO_LONG}, and reading goes on at the next line.
 */
final class BoundedLineReader {
    /** Returned (compare with {@code ==}) in place of a line longer than the limit. */
    static final String TOO_LONG = new String("<line too long>");
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int end;
    private long lineNumber;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** 1-based number of the line returned last. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its line end, {@link #TOO_LONG}, or null at the end of the input. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buffer[pos++];
            if (c == '\n') {
                break;
            }
            if (!tooLong) {
                if (line.length() < maxChars) {
                    line.append(c);
                } else {
                    tooLong = true;
                    line.setLength(0);
                }
            }
        }
        lineNumber++;
        if (tooLong) {
            return TOO_LONG;
        }
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        return line.toString();
    }
}
