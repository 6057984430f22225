package io.emolens.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.emolens.core.Csv;
import io.emolens.preprocess.FaceTensor;

/**
 * Writes {@code crops.csv}: 48x48 gray face crops made at record time by the classifier's own preprocessor,
 * header {@link #HEADER}, pixels as in FER2013 (2304 space-separated values 0-255, row-major). Buffered; the
 * owner flushes it at least every second.
 */
public final class CropsCsvWriter implements AutoCloseable {
    public static final String HEADER = "session_ms,frame,face_id,pixels";
    private final Path file;
    private final BufferedWriter out;
    private long rows;

    public CropsCsvWriter(Path file) {
        this.file = file;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
            out.write(HEADER);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    public void write(long sessionMs, long frame, int faceId, byte[] pixels) {
        if (pixels.length != FaceTensor.PIXELS) {
            throw new IllegalArgumentException("expected " + FaceTensor.PIXELS + " pixels, got " + pixels.length);
        }
        try {
            out.write(Csv.line(sessionMs, frame, faceId, pixelText(pixels)));
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    /** FER2013's pixel column: the values 0-255 separated by single spaces. */
    public static String pixelText(byte[] pixels) {
        StringBuilder sb = new StringBuilder(pixels.length * 4);
        for (int i = 0; i < pixels.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(pixels[i] & 0xFF);
        }
        return sb.toString();
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw RecordingException.writing(file, e);
        }
    }
}
