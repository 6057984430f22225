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
        return copyInto(image, new Mat());
    }

    /**
     * Copies {@code image}'s pixels into {@code into} and returns it; its buffer is reused when its size and type
     * already match (per-frame code keeps one Mat per image size instead of allocating native memory on every call).
     */
    public static Mat copyInto(BufferedImage image, Mat into) {
        return copyRegion(image, 0, 0, image.getWidth(), image.getHeight(), into);
    }

    /** A new BGR (or gray) Mat holding a copy of the {@code width x height} region of {@code image} at {@code x, y}. */
    public static Mat fromRegion(BufferedImage image, int x, int y, int width, int height) {
        return copyRegion(image, x, y, width, height, new Mat());
    }

    private static Mat copyRegion(BufferedImage image, int x, int y, int width, int height, Mat into) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("unsupported image type " + type);
        }
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > image.getWidth() || y + height > image.getHeight()) {
            throw new IllegalArgumentException("region " + width + "x" + height + " at " + x + "," + y + " is not inside the "
                    + image.getWidth() + "x" + image.getHeight() + " image");
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int channels = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1;
        into.create(height, width, channels == 3 ? CV_8UC3 : CV_8UC1);
        int imageRow = image.getWidth() * channels;
        int row = width * channels;
        if (x == 0 && width == image.getWidth() && into.step() == (long) row) {
            into.data().put(data, y * imageRow, row * height);
        } else {
            for (int r = 0; r < height; r++) {
                into.ptr(r).put(data, (y + r) * imageRow + x * channels, row);
            }
        }
        return into;
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
