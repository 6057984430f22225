package io.emolens.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells from a file's first bytes what it really is, so a reader that expects text can refuse a video, an image or
 * an archive up front ("not a CSV: looks like an MP4 video") instead of printing its bytes as garbage.
 */
public final class FileKinds {
    /** How many leading bytes {@link #describeBinary(byte[])} looks at. */
    public static final int HEAD = 4096;

    private FileKinds() {
    }

    /** The first {@link #HEAD} bytes of {@code file} (fewer for a short file). */
    public static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /**
     * What binary content {@code head} starts with ("an MP4 video", "a PNG image", …), or empty when it looks like
     * text (UTF-8 or ASCII, a byte-order mark allowed).
     */
    public static Optional<String> describeBinary(byte[] head) {
        Optional<String> known = magic(head);
        if (known.isPresent()) {
            return known;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return Optional.of("binary data (it contains NUL bytes)");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (head.length > 0 && control * 100 > head.length) {
            return Optional.of("binary data");
        }
        return Optional.empty();
    }

    /** The kind named by a well-known signature at the start of {@code h}. */
    static Optional<String> magic(byte[] h) {
        if (startsWith(h, 4, "ftyp")) {
            String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.ISO_8859_1) : "";
            return Optional.of(brand.startsWith("qt") ? "a QuickTime video" : brand.startsWith("heic") || brand.startsWith("mif1") ? "a HEIC image" : "an MP4 video");
        }
        if (startsWith(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of("a Matroska/WebM video");
        }
        if (startsWith(h, 0, "RIFF") && startsWith(h, 8, "AVI ")) {
            return Optional.of("an AVI video");
        }
        if (startsWith(h, 0, "RIFF") && startsWith(h, 8, "WEBP")) {
            return Optional.of("a WebP image");
        }
        if (startsWith(h, 0, 0x89, 'P', 'N', 'G')) {
            return Optional.of("a PNG image");
        }
        if (startsWith(h, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("a JPEG image");
        }
        if (startsWith(h, 0, "GIF8")) {
            return Optional.of("a GIF image");
        }
        if (startsWith(h, 0, "BM") && h.length > 14 && (h[14] == 12 || h[14] == 40 || h[14] == 108 || h[14] == 124)) {
            return Optional.of("a BMP image");
        }
        if (startsWith(h, 0, "II*\0") || startsWith(h, 0, "MM\0*")) {
            return Optional.of("a TIFF image");
        }
        if (startsWith(h, 0, "PK\u0003\u0004") || startsWith(h, 0, "PK\u0005\u0006")) {
            return Optional.of("a ZIP archive (a model file?)");
        }
        if (startsWith(h, 0, 0x89, 'H', 'D', 'F')) {
            return Optional.of("an HDF5 file (a Keras model?)");
        }
        if (startsWith(h, 0, 0x1F, 0x8B)) {
            return Optional.of("gzip-compressed data");
        }
        if (startsWith(h, 0, "%PDF")) {
            return Optional.of("a PDF document");
        }
        if (startsWith(h, 0, 0x7F, 'E', 'L', 'F')) {
            return Optional.of("a program (ELF executable)");
        }
        if (startsWith(h, 0, "ID3") || startsWith(h, 0, 0xFF, 0xFB)) {
            return Optional.of("an MP3 audio file");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] h, int offset, String ascii) {
        return startsWith(h, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] h, int offset, int... bytes) {
        if (h.length < offset + bytes.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(h, offset, offset + bytes.length), toBytes(bytes));
    }

    private static byte[] toBytes(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code text} with control characters and anything non-printable replaced, cut to {@code max} characters: safe to print. */
    public static String printable(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c != 0x7F && c != '\uFFFD' && c != '\uFEFF' ? c : '?');
        }
        return text.length() > max ? sb + "…" : sb.toString();
    }

    /** {@code text} on one line (line breaks become spaces) and {@link #printable(String, int) printable}: for a terminal's error line. */
    public static String oneLine(String text, int max) {
        return printable(String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip(), max);
    }
}
