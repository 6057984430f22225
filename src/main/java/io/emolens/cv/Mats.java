package io.emolens.cv;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Copies between Emolens' {@link BufferedImage} frames and OpenCV {@link Mat}s. Lives in its own package
 * so that OpenCV types stay inside the stage implementations that need them; callers own the returned
 * Mat and close it.
 */
public final class Mats {
    private Mats() {
    }

    /** A new BGR (or gray) Mat holding a copy of {@code image}'s pixels. */
    public static Mat fromImage(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("unsupported image type " + type);
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int channels = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1;
        Mat mat = new Mat(image.getHeight(), image.getWidth(), channels == 3 ? CV_8UC3 : CV_8UC1);
        if (mat.step() == (long) image.getWidth() * channels) {
            mat.data().put(data, 0, data.length);
        } else {
            int row = image.getWidth() * channels;
            for (int y = 0; y < image.getHeight(); y++) {
                mat.ptr(y).put(data, y * row, row);
            }
        }
        return mat;
    }

    /** A new BufferedImage (TYPE_3BYTE_BGR for 3 channels, TYPE_BYTE_GRAY for 1) copied from {@code mat}. */
    public static BufferedImage toImage(Mat mat) {
        int channels = mat.channels();
        if (mat.depth() != 0 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("only 8-bit gray or BGR Mats convert, got depth " + mat.depth() + " channels " + channels);
        }
        BufferedImage image = new BufferedImage(mat.cols(), mat.rows(),
                channels == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int row = mat.cols() * channels;
        for (int y = 0; y < mat.rows(); y++) {
            mat.ptr(y).get(data, y * row, row);
        }
        return image;
    }
}
