package io.emolens.preprocess;

import java.awt.image.BufferedImage;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import io.emolens.core.FaceBox;
import io.emolens.cv.Mats;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The one preprocessing implementation: OpenCV BGR→gray (BT.601 weights), area interpolation when
 * shrinking, bilinear when enlarging. A 48x48 gray input with a full-frame box passes through unchanged.
 */
public final class OpenCvFacePreprocessor implements FacePreprocessor {
    private final double margin;

    /** @param margin fraction of the box size added on each side before cropping (0 = tight box) */
    public OpenCvFacePreprocessor(double margin) {
        if (margin < 0 || margin > 1) {
            throw new IllegalArgumentException("margin must be within 0..1, was " + margin);
        }
        this.margin = margin;
    }

    public double margin() {
        return margin;
    }

    @Override
    public byte[] crop(BufferedImage image, FaceBox box) {
        FaceBox region = box.expand(margin, image.getWidth(), image.getHeight());
        try (Mat roi = Mats.fromRegion(image, region.x(), region.y(), region.width(), region.height());
             Mat gray = new Mat();
             Mat small = new Mat();
             Size size = new Size(FaceTensor.SIZE, FaceTensor.SIZE)) {
            if (roi.channels() == 3) {
                cvtColor(roi, gray, COLOR_BGR2GRAY);
            } else {
                roi.copyTo(gray);
            }
            if (gray.cols() == FaceTensor.SIZE && gray.rows() == FaceTensor.SIZE) {
                gray.copyTo(small);
            } else {
                boolean shrinking = gray.cols() > FaceTensor.SIZE;
                resize(gray, small, size, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
            }
            byte[] out = new byte[FaceTensor.PIXELS];
            for (int y = 0; y < FaceTensor.SIZE; y++) {
                small.ptr(y).get(out, y * FaceTensor.SIZE, FaceTensor.SIZE);
            }
            return out;
        }
    }
}
