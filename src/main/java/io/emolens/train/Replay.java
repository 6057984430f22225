package io.emolens.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.emolens.core.Emotion;
import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.data.LabeledFace;
import io.emolens.data.Split;

/**
 * Rehearsal for fine-tuning: every epoch mixes a fresh stratified sample of FER2013 Training rows (each class in its
 * FER2013 proportion) into the user's faces, so that the model keeps reading faces in general while it learns the
 * user's. {@code fraction} is the share of each epoch's images that are replay rows. Deterministic per epoch and seed,
 * so a resumed epoch sees the same rows.
 */
public final class Replay {
    private final String source;
    private final String checksum;
    private final double fraction;
    private final Map<Emotion, List<LabeledFace>> byClass = new EnumMap<>(Emotion.class);
    private final int pool;
    private final List<LabeledFace> general;
    private final List<LabeledFace> test;

    public Replay(Dataset fer2013, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new EmolensException("--replay-fraction must be between 0 and 1 (the share of each epoch that is FER2013 rows), was " + fraction);
        }
        List<LabeledFace> training = fer2013.split(Split.TRAINING);
        if (training.isEmpty()) {
            throw new EmolensException("the replay data " + fer2013.source() + " has no Training rows to replay");
        }
        this.source = fer2013.source();
        this.checksum = fer2013.checksum();
        this.fraction = fraction;
        training.forEach(f -> byClass.computeIfAbsent(f.emotion(), k -> new ArrayList<>()).add(f));
        this.pool = training.size();
        this.general = fer2013.split(Split.PUBLIC_TEST);
        this.test = fer2013.split(Split.PRIVATE_TEST);
    }

    /** The replay data's PublicTest: faces in general, never trained on, to see what fine-tuning costs them. */
    public List<LabeledFace> general() {
        return general;
    }

    /** The replay data's PrivateTest: faces in general for the final report, never used for a choice. */
    public List<LabeledFace> test() {
        return test;
    }

    public String source() {
        return source;
    }

    public String checksum() {
        return checksum;
    }

    public double fraction() {
        return fraction;
    }

    /** Replay rows to add to {@code own} images so that they make {@link #fraction()} of the epoch (at most the pool). */
    int countFor(int own) {
        return (int) Math.min(pool, Math.round(own * fraction / (1 - fraction)));
    }

    /** The user's {@code own} faces followed by epoch {@code epoch}'s replay sample. */
    List<LabeledFace> epoch(List<LabeledFace> own, int epoch, long seed) {
        List<LabeledFace> out = new ArrayList<>(own);
        out.addAll(sample(countFor(own.size()), new Random(seed * 131L + epoch)));
        return out;
    }

    /** {@code n} rows without replacement, each class allotted its share of the pool (largest remainders first). */
    List<LabeledFace> sample(int n, Random random) {
        List<Emotion> classes = new ArrayList<>(byClass.keySet());
        int[] take = new int[classes.size()];
        double[] remainder = new double[classes.size()];
        int given = 0;
        for (int i = 0; i < classes.size(); i++) {
            double exact = (double) n * byClass.get(classes.get(i)).size() / pool;
            take[i] = (int) Math.floor(exact);
            remainder[i] = exact - take[i];
            given += take[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < n && k < order.size(); k++, given++) {
            take[order.get(k)]++;
        }
        List<LabeledFace> out = new ArrayList<>(n);
        for (int i = 0; i < classes.size(); i++) {
            List<LabeledFace> group = new ArrayList<>(byClass.get(classes.get(i)));
            Collections.shuffle(group, random);
            out.addAll(group.subList(0, Math.min(take[i], group.size())));
        }
        return out;
    }
}
