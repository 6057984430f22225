package io.emolens.classify;

import java.util.List;

/**
 * Temperature scaling of probability vectors (Guo et al. 2017): {@code q_i ∝ exp(ln p_i / T)}, i.e. the
 * softmax of the log-probabilities divided by T. T > 1 softens over-confident outputs, T < 1 sharpens them;
 * the ranking, and so the predicted label and the accuracy, never changes. Applied to the ensemble's mean
 * probability, so one T calibrates the whole inference. {@link #fit} chooses T by minimizing the negative
 * log-likelihood on held-out faces; the NLL is convex in 1/T, so a golden-section search finds the optimum.
 */
public final class Temperature {
    /** Probabilities are clipped here before the logarithm. */
    public static final double MIN_P = 1e-7;
    /** The search range of T. */
    public static final double MIN_T = 0.05;
    public static final double MAX_T = 20;

    private Temperature() {
    }

    /** {@code p} rescaled in place by temperature {@code t}; {@code t == 1} leaves it as it is. */
    public static float[] apply(float[] p, double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("temperature must be a positive number, was " + t);
        }
        if (t == 1) {
            return p;
        }
        double[] z = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            z[i] = Math.log(Math.max(MIN_P, p[i])) / t;
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (z[i] / sum);
        }
        return p;
    }

    /**
     * The mean negative log-likelihood of the true labels after scaling by {@code t}.
     *
     * @param probabilities one probability vector per face
     * @param truth         the true class index of each face
     */
    public static double nll(List<float[]> probabilities, int[] truth, double t) {
        check(probabilities, truth);
        double beta = 1 / t;
        double sum = 0;
        for (int n = 0; n < truth.length; n++) {
            float[] p = probabilities.get(n);
            double max = Double.NEGATIVE_INFINITY;
            for (float v : p) {
                max = Math.max(max, beta * Math.log(Math.max(MIN_P, v)));
            }
            double norm = 0;
            for (float v : p) {
                norm += Math.exp(beta * Math.log(Math.max(MIN_P, v)) - max);
            }
            sum += max + Math.log(norm) - beta * Math.log(Math.max(MIN_P, p[truth[n]]));
        }
        return sum / truth.length;
    }

    /** The T in [{@link #MIN_T}, {@link #MAX_T}] minimizing {@link #nll}, to 1e-4 relative. */
    public static double fit(List<float[]> probabilities, int[] truth) {
        check(probabilities, truth);
        if (truth.length == 0) {
            throw new IllegalArgumentException("no faces to fit a temperature on");
        }
        double lo = 1 / MAX_T;
        double hi = 1 / MIN_T;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(probabilities, truth, 1 / a);
        double fb = nll(probabilities, truth, 1 / b);
        while (hi - lo > 1e-5 * Math.max(1, lo)) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(probabilities, truth, 1 / a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(probabilities, truth, 1 / b);
            }
        }
        return 2 / (lo + hi);
    }

    private static void check(List<float[]> probabilities, int[] truth) {
        if (probabilities.size() != truth.length) {
            throw new IllegalArgumentException(probabilities.size() + " probability vectors but " + truth.length + " labels");
        }
    }
}
