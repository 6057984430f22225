package io.emolens.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import io.emolens.core.FaceBox;
import io.emolens.core.Landmark;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Puts every detected face where FER2013 puts its faces, whichever detector found it: a square crop scaled and placed
 * by the {@link CropGeometry} measured for boxes without landmarks (Haar) or with eye landmarks (YuNet), the eyes
 * levelled by rotating about the crop's centre when the box has them; gray (OpenCV BT.601), area-averaged down to
 * 48x48, and padded with the frame's replicated border where the crop leaves the frame (never shifted inside it).
 * Only the crop's surroundings are copied out of the frame.
 */
public final class RegisteredFacePreprocessor implements FacePreprocessor {
    private static final int S = FaceTensor.SIZE;
    private final CropGeometry plainBoxes;
    private final CropGeometry withEyes;

    /**
     * @param plainBoxes the geometry of boxes without landmarks (Haar)
     * @param withEyes   the geometry of boxes with eye landmarks (YuNet)
     */
    public RegisteredFacePreprocessor(CropGeometry plainBoxes, CropGeometry withEyes) {
        this.plainBoxes = plainBoxes;
        this.withEyes = withEyes;
    }

    /** The registration measured on FER2013 for each detector ({@link CropGeometry#HAAR}, {@link CropGeometry#YUNET}). */
    public static RegisteredFacePreprocessor fer2013() {
        return new RegisteredFacePreprocessor(CropGeometry.HAAR, CropGeometry.YUNET);
    }

    /** The same registration with crops {@code factor} times as large around the face. */
    public RegisteredFacePreprocessor scaled(double factor) {
        return new RegisteredFacePreprocessor(plainBoxes.scaled(factor), withEyes.scaled(factor));
    }

    /** The same registration, YuNet's crops placed and scaled by the eyes ({@code true}) or by the box. */
    public RegisteredFacePreprocessor placedByEyes(boolean eyes) {
        return new RegisteredFacePreprocessor(plainBoxes, withEyes.placedByEyes(eyes));
    }

    /** A face's crop in frame pixels: centre, side and the rotation (radians) that levels its eyes. */
    public record Square(double centerX, double centerY, double side, double angle) {
    }

    /** Where {@link #crop} takes {@code box}'s face from. */
    public Square square(FaceBox box) {
        List<Landmark> points = box.landmarks();
        if (points.size() >= 2) {
            Landmark right = points.get(0);
            Landmark left = points.get(1);
            double dx = left.x() - right.x();
            double dy = left.y() - right.y();
            double angle = Math.atan2(dy, dx);
            if (withEyes.byEyes()) {
                double side = Math.hypot(dx, dy) / withEyes.eyeDistance();
                double down = (0.5 - withEyes.eyeY()) * side;
                double mx = (left.x() + right.x()) / 2;
                double my = (left.y() + right.y()) / 2;
                return new Square(mx - Math.sin(angle) * down, my + Math.cos(angle) * down, side, angle);
            }
            double ref = box.height();
            return new Square(box.centerX() + withEyes.boxDx() * ref, box.centerY() + withEyes.boxDy() * ref,
                    withEyes.boxSide() * ref, angle);
        }
        double ref = box.width();
        return new Square(box.centerX() + plainBoxes.boxDx() * ref, box.centerY() + plainBoxes.boxDy() * ref,
                plainBoxes.boxSide() * ref, 0);
    }

    @Override
    public byte[] crop(BufferedImage image, FaceBox box) {
        return crop(image, square(box));
    }

    /** The 48x48 gray pixels of {@code square}. */
    public static byte[] crop(BufferedImage image, Square square) {
        double half = square.side() / 2 * (Math.abs(Math.cos(square.angle())) + Math.abs(Math.sin(square.angle())));
        int x0 = (int) Math.floor(square.centerX() - half) - 1;
        int y0 = (int) Math.floor(square.centerY() - half) - 1;
        int x1 = (int) Math.ceil(square.centerX() + half) + 1;
        int y1 = (int) Math.ceil(square.centerY() + half) + 1;
        try (Mat region = grayRegion(image, x0, y0, x1, y1);
             Mat small = new Mat();
             Mat out = new Mat()) {
            double shrink = Math.min(1, S / square.side());
            Mat source = region;
            if (shrink < 1) {
                int w = Math.max(1, (int) Math.round(region.cols() * shrink));
                int h = Math.max(1, (int) Math.round(region.rows() * shrink));
                resize(region, small, new Size(w, h), 0, 0, INTER_AREA);
                source = small;
            }
            double sx = (double) source.cols() / region.cols();
            double sy = (double) source.rows() / region.rows();
            double cx = (square.centerX() - x0) * sx;
            double cy = (square.centerY() - y0) * sy;
            double k = S / (square.side() * (sx + sy) / 2);
            double cos = Math.cos(square.angle()) * k;
            double sin = Math.sin(square.angle()) * k;
            double a = cos;
            double b = sin;
            double c = -sin;
            double d = cos;
            double tx = S / 2.0 - 0.5 - (a * (cx - 0.5) + b * (cy - 0.5));
            double ty = S / 2.0 - 0.5 - (c * (cx - 0.5) + d * (cy - 0.5));
            try (Mat m = new Mat(2, 3, CV_64F)) {
                java.nio.DoubleBuffer buf = m.createBuffer();
                buf.put(new double[] {a, b, tx, c, d, ty});
                try (Size size = new Size(S, S); Scalar border = new Scalar()) {
                    warpAffine(source, out, m, size, INTER_LINEAR, BORDER_REPLICATE, border);
                }
            }
            byte[] pixels = new byte[FaceTensor.PIXELS];
            for (int y = 0; y < S; y++) {
                out.ptr(y).get(pixels, y * S, S);
            }
            return pixels;
        }
    }

    /** The gray pixels of {@code [x0, x1) x [y0, y1)}, the frame's border replicated where the region leaves it. */
    private static Mat grayRegion(BufferedImage image, int x0, int y0, int x1, int y1) {
        int width = image.getWidth();
        int height = image.getHeight();
        int cx0 = Math.max(0, Math.min(width - 1, x0));
        int cy0 = Math.max(0, Math.min(height - 1, y0));
        int cx1 = Math.max(cx0 + 1, Math.min(width, x1));
        int cy1 = Math.max(cy0 + 1, Math.min(height, y1));
        int channels = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("unsupported image type " + image.getType());
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int w = cx1 - cx0;
        int h = cy1 - cy0;
        Mat gray = new Mat(h, w, CV_8UC1);
        try (Mat clipped = new Mat(h, w, channels == 3 ? CV_8UC3 : CV_8UC1)) {
            int row = w * channels;
            for (int y = 0; y < h; y++) {
                clipped.ptr(y).put(data, ((cy0 + y) * width + cx0) * channels, row);
            }
            if (channels == 3) {
                cvtColor(clipped, gray, COLOR_BGR2GRAY);
            } else {
                clipped.copyTo(gray);
            }
        }
        int top = cy0 - y0;
        int left = cx0 - x0;
        int bottom = y1 - cy1;
        int right = x1 - cx1;
        if (top <= 0 && left <= 0 && bottom <= 0 && right <= 0) {
            return gray;
        }
        Mat padded = new Mat();
        try (Scalar border = new Scalar()) {
            copyMakeBorder(gray, padded, Math.max(0, top), Math.max(0, bottom), Math.max(0, left), Math.max(0, right), BORDER_REPLICATE, border);
        }
        gray.close();
        return padded;
    }
}
