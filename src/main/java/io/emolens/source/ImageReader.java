package io.emolens.source;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import org.bytedeco.opencv.opencv_core.Mat;

import io.emolens.core.EmolensException;
import io.emolens.core.FileKinds;
import io.emolens.cv.Mats;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Decodes still images with OpenCV into TYPE_3BYTE_BGR frames, turned upright by their EXIF orientation (as a
 * phone stores a portrait photo). An image over {@link #MAX_PIXELS} is decoded at 1/2, 1/4 or 1/8 of its size
 * (faces in it stay far above the detector's minimum), so a 20000x20000 picture gives a result instead of
 * exhausting memory; one too large even at 1/8 is refused with its size.
 */
public final class ImageReader {
    /** Largest image decoded at full size: 50 megapixels (a 150 MB frame). */
    static final long MAX_PIXELS = 50_000_000L;

    private ImageReader() {
    }

    /** The image at {@code path} as a BGR frame; EmolensException naming the file when it cannot be decoded. */
    public static BufferedImage read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new EmolensException("Image file not found: " + path);
        }
        int flags = IMREAD_COLOR;
        Optional<long[]> size = dimensions(path);
        if (size.isPresent()) {
            long pixels = size.get()[0] * size.get()[1];
            flags = pixels <= MAX_PIXELS ? IMREAD_COLOR
                    : pixels <= 4 * MAX_PIXELS ? IMREAD_REDUCED_COLOR_2
                    : pixels <= 16 * MAX_PIXELS ? IMREAD_REDUCED_COLOR_4
                    : pixels <= 64 * MAX_PIXELS ? IMREAD_REDUCED_COLOR_8 : -1;
            if (flags == -1) {
                throw new EmolensException(path + " is " + size.get()[0] + "x" + size.get()[1] + " pixels, too large to analyze (the limit is "
                        + 64 * MAX_PIXELS / 1_000_000 + " megapixels): scale it down first.");
            }
        }
        try (Mat mat = imread(path.toString(), flags)) {
            if (mat == null || mat.empty()) {
                throw new EmolensException("Cannot decode " + path + " as an image: " + whatItIs(path) + ".");
            }
            return Mats.toImage(mat);
        }
    }

    /** Width and height from the file's header, without decoding the pixels; empty for formats Java cannot parse. */
    private static Optional<long[]> dimensions(Path path) {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new long[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String whatItIs(Path path) {
        try {
            byte[] head = FileKinds.head(path);
            if (head.length == 0) {
                return "the file is empty";
            }
            return FileKinds.describeBinary(head).map(kind -> kind.endsWith("image") ? "it looks like " + kind + " but is damaged or truncated"
                    : "it is " + kind + ", not an image").orElse("it is text, not an image");
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
    }
}
