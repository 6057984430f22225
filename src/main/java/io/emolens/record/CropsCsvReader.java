package io.emolens.record;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.preprocess.FaceTensor;

/**
 * Reads {@code crops.csv} as {@link CropsCsvWriter} writes it, row by row (a long recording's crops are never held
 * whole). A row whose pixels are cut or damaged (the last row of a killed recording) is skipped, not an error.
 */
public final class CropsCsvReader {
    /** One saved crop: where it is in the file and the session, and its 2304 grey values. */
    public record Crop(long line, long sessionMs, long frame, int faceId, byte[] pixels) {
    }

    private CropsCsvReader() {
    }

    /**
     * Hands every complete crop of {@code file} to {@code each}, in file order.
     *
     * @throws EmolensException when the header is not {@link CropsCsvWriter#HEADER} or the file cannot be read
     */
    public static void forEach(Path file, Consumer<Crop> each) {
        try (Csv.Rows rows = Csv.open(file)) {
            if (!String.join(",", rows.header()).equals(CropsCsvWriter.HEADER)) {
                throw new EmolensException(file + " line 1: expected '" + CropsCsvWriter.HEADER + "'.");
            }
            for (Csv.Row row : rows) {
                crop(row).ifPresent(each);
            }
        }
    }

    private static Optional<Crop> crop(Csv.Row row) {
        if (row.size() != 4) {
            return Optional.empty();
        }
        Optional<byte[]> pixels = pixels(row.get(3));
        if (pixels.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Crop(row.line(), Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), Integer.parseInt(row.get(2)),
                    pixels.get()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The 2304 grey values of a pixel field; empty for a cut or damaged one. */
    private static Optional<byte[]> pixels(String field) {
        String[] v = field.split(" ");
        if (v.length != FaceTensor.PIXELS) {
            return Optional.empty();
        }
        byte[] out = new byte[FaceTensor.PIXELS];
        for (int i = 0; i < v.length; i++) {
            int p;
            try {
                p = Integer.parseInt(v[i]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (p < 0 || p > 255) {
                return Optional.empty();
            }
            out[i] = (byte) p;
        }
        return Optional.of(out);
    }
}
