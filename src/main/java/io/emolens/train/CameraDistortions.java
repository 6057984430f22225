package io.emolens.train;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.emolens.preprocess.FaceTensor;

/**
 * What separates a face from a webcam, found and cropped by the app, from a FER2013 crop, applied to a normalized
 * 48x48 face in place. Each with probability 1/4: the face captured small (14-36 px) and enlarged to 48, a Gaussian
 * blur (sigma 0.4-1.3 px), low light (brightness x0.35-0.8 and gamma 1-1.6, with noise), sensor noise (sigma 1-4% of
 * full scale) and JPEG compression (quality 25-75). Reproducible for the same random stream; not thread-safe.
 */
final class CameraDistortions {
    private static final int S = FaceTensor.SIZE;
    private final float[] work = new float[FaceTensor.PIXELS];

    void apply(float[] face, SplittableRandom random) {
        boolean small = random.nextInt(4) == 0;
        int side = 14 + random.nextInt(23);
        boolean blur = random.nextInt(4) == 0;
        double sigma = 0.4 + 0.9 * random.nextDouble();
        boolean dark = random.nextInt(4) == 0;
        double gain = 0.35 + 0.45 * random.nextDouble();
        double gamma = 1 + 0.6 * random.nextDouble();
        boolean noisy = random.nextInt(4) == 0 || dark;
        double noise = 0.01 + 0.03 * random.nextDouble();
        boolean jpeg = random.nextInt(4) == 0;
        int quality = 25 + random.nextInt(51);
        long noiseSeed = random.nextLong();
        if (small) {
            resample(face, side);
        }
        if (blur) {
            blur(face, sigma);
        }
        if (dark) {
            for (int i = 0; i < face.length; i++) {
                face[i] = (float) (gain * Math.pow(face[i], gamma));
            }
        }
        if (noisy) {
            java.util.Random gauss = new java.util.Random(noiseSeed);
            for (int i = 0; i < face.length; i++) {
                face[i] = clamp(face[i] + noise * gauss.nextGaussian());
            }
        }
        if (jpeg) {
            jpeg(face, quality);
        }
    }

    /** Shrinks to {@code side} x {@code side} (box filter) and enlarges back bilinearly. */
    private void resample(float[] face, int side) {
        float[] small = new float[side * side];
        double scale = (double) S / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int x0 = (int) Math.floor(x * scale);
                int x1 = Math.max(x0 + 1, (int) Math.floor((x + 1) * scale));
                int y0 = (int) Math.floor(y * scale);
                int y1 = Math.max(y0 + 1, (int) Math.floor((y + 1) * scale));
                double sum = 0;
                for (int yy = y0; yy < Math.min(S, y1); yy++) {
                    for (int xx = x0; xx < Math.min(S, x1); xx++) {
                        sum += face[yy * S + xx];
                    }
                }
                small[y * side + x] = (float) (sum / ((Math.min(S, x1) - x0) * (Math.min(S, y1) - y0)));
            }
        }
        for (int y = 0; y < S; y++) {
            double sy = Math.max(0, Math.min(side - 1, (y + 0.5) / scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(side - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < S; x++) {
                double sx = Math.max(0, Math.min(side - 1, (x + 0.5) / scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(side - 1, x0 + 1);
                double fx = sx - x0;
                double top = small[y0 * side + x0] * (1 - fx) + small[y0 * side + x1] * fx;
                double bottom = small[y1 * side + x0] * (1 - fx) + small[y1 * side + x1] * fx;
                face[y * S + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
    }

    /** Separable Gaussian blur with replicated edges. */
    private void blur(float[] face, double sigma) {
        int r = (int) Math.ceil(2.5 * sigma);
        double[] k = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            total += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * face[y * S + Math.max(0, Math.min(S - 1, x + i))];
                }
                work[y * S + x] = (float) v;
            }
        }
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * work[Math.max(0, Math.min(S - 1, y + i)) * S + x];
                }
                face[y * S + x] = (float) v;
            }
        }
    }

    /** Encodes the face as a gray JPEG of {@code quality} (0-100) and decodes it again. */
    private static void jpeg(float[] face, int quality) {
        BufferedImage gray = new BufferedImage(S, S, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.round(clamp(face[i]) * 255);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(gray, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            byte[] decoded = ((DataBufferByte) back.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < face.length; i++) {
                face[i] = (decoded[i] & 0xFF) / 255f;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }
}
