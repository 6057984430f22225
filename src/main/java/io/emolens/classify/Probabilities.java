package io.emolens.classify;

import java.util.List;

/** Arithmetic on probability vectors shared by the classifier's ensemble and flip averaging and by evaluation. */
public final class Probabilities {
    private Probabilities() {
    }

    /** The element-wise mean of equally long vectors (a new array). */
    public static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to average");
        }
        int n = vectors.get(0).length;
        double[] sum = new double[n];
        for (float[] v : vectors) {
            if (v.length != n) {
                throw new IllegalArgumentException("vectors of length " + n + " and " + v.length);
            }
            for (int k = 0; k < n; k++) {
                sum[k] += v[k];
            }
        }
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = (float) (sum[k] / vectors.size());
        }
        return out;
    }
}
