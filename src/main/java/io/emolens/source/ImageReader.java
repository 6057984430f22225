package io.emolens.source;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.opencv.opencv_core.Mat;

import io.emolens.core.EmolensException;
import io.emolens.cv.Mats;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** Decodes still images with OpenCV into TYPE_3BYTE_BGR frames. */
final class ImageReader {
    private ImageReader() {
    }

    static BufferedImage read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new EmolensException("Image file not found: " + path);
        }
        try (Mat mat = imread(path.toString(), IMREAD_COLOR)) {
            if (mat == null || mat.empty()) {
                throw new EmolensException("Cannot decode " + path + " as an image (unsupported or corrupt file).");
            }
            return Mats.toImage(mat);
        }
    }
}
