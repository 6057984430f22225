package io.emolens.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.emolens.core.Emotion;
import io.emolens.preprocess.FaceTensor;

/** The first 32 rows of FER2013 (test resource fer2013/sample32.csv) as normalized faces and labels. */
final class Fer2013Sample {
    final List<float[]> faces = new ArrayList<>();
    final List<Integer> labels = new ArrayList<>();

    Fer2013Sample() throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                Fer2013Sample.class.getResourceAsStream("/fer2013/sample32.csv"), StandardCharsets.US_ASCII))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] cols = line.split(",");
                String[] px = cols[1].split(" ");
                byte[] gray = new byte[FaceTensor.PIXELS];
                for (int i = 0; i < gray.length; i++) {
                    gray[i] = (byte) Integer.parseInt(px[i]);
                }
                faces.add(FaceTensor.normalize(gray));
                labels.add(Integer.parseInt(cols[0]));
            }
        }
    }

    /** The first {@code n} faces as an NCHW batch with one-hot labels. */
    DataSet batch(int n) {
        float[] x = new float[n * FaceTensor.PIXELS];
        INDArray y = Nd4j.zeros(n, Emotion.COUNT);
        for (int i = 0; i < n; i++) {
            System.arraycopy(faces.get(i), 0, x, i * FaceTensor.PIXELS, FaceTensor.PIXELS);
            y.putScalar(i, labels.get(i), 1);
        }
        return new DataSet(Nd4j.create(x, new long[] {n, 1, FaceTensor.SIZE, FaceTensor.SIZE}, 'c'), y);
    }
}
