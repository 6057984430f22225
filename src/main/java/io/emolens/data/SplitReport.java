package io.emolens.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.emolens.core.Emotion;

/**
 * What a dataset holds before training: rows per split and class, class imbalance, and exact-duplicate
 * images inside and across splits. A test image that also occurs in Training is leakage: it inflates
 * test accuracy.
 *
 * @param counts          faces per split and class, {@code counts.get(split)[emotion.index()]}
 * @param duplicateGroups groups of two or more rows with identical pixels, in file order of their first row
 * @param issues          the rows the reader skipped
 */
public record SplitReport(Map<Split, int[]> counts, List<List<LabeledFace>> duplicateGroups, DataIssues issues) {

    /** How many duplicate groups {@link #format} lists by origin. */
    private static final int LISTED_GROUPS = 5;

    public static SplitReport of(Dataset data) {
        Map<ByteBuffer, List<LabeledFace>> byPixels = new LinkedHashMap<>();
        for (LabeledFace f : data.faces()) {
            byPixels.computeIfAbsent(ByteBuffer.wrap(f.pixels()), k -> new ArrayList<>(1)).add(f);
        }
        List<List<LabeledFace>> groups = byPixels.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
        return new SplitReport(data.counts(), groups, data.issues());
    }

    public int total(Split split) {
        int n = 0;
        for (int c : counts.get(split)) {
            n += c;
        }
        return n;
    }

    /** Largest over smallest class count in {@code split} (infinite when a class is empty). */
    public double imbalance(Split split) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : counts.get(split)) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        return min == 0 ? Double.POSITIVE_INFINITY : (double) max / min;
    }

    /** Rows of {@code split} whose image occurs earlier in the same split (copies beyond the first). */
    public int duplicatesWithin(Split split) {
        int n = 0;
        for (List<LabeledFace> g : duplicateGroups) {
            long inSplit = g.stream().filter(f -> f.split() == split).count();
            n += (int) Math.max(0, inSplit - 1);
        }
        return n;
    }

    /** Groups whose identical image occurs in more than one split. */
    public int groupsAcrossSplits() {
        return (int) duplicateGroups.stream().filter(g -> splitsOf(g).size() > 1).count();
    }

    /** Rows of {@code split} whose exact image also occurs in Training (leakage when split is a test split). */
    public int leakedFromTraining(Split split) {
        int n = 0;
        for (List<LabeledFace> g : duplicateGroups) {
            if (split != Split.TRAINING && splitsOf(g).contains(Split.TRAINING)) {
                n += (int) g.stream().filter(f -> f.split() == split).count();
            }
        }
        return n;
    }

    /** Groups of identical images that carry different labels. */
    public int conflictingLabelGroups() {
        return (int) duplicateGroups.stream().filter(g -> g.stream().map(LabeledFace::emotion).distinct().count() > 1).count();
    }

    private static Set<Split> splitsOf(List<LabeledFace> group) {
        Set<Split> s = EnumSet.noneOf(Split.class);
        group.forEach(f -> s.add(f.split()));
        return s;
    }

    /** A text table for the console and the training dialog. */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format("%-12s", "split"));
        for (Emotion e : Emotion.values()) {
            sb.append(String.format("%9s", e.label()));
        }
        sb.append(String.format("%9s%11s%n", "total", "imbalance"));
        for (Split s : Split.values()) {
            sb.append(String.format("%-12s", s.usage()));
            for (int c : counts.get(s)) {
                sb.append(String.format("%9d", c));
            }
            sb.append(String.format("%9d%11s%n", total(s), formatRatio(imbalance(s))));
        }
        sb.append(String.format("exact duplicates: %d groups (%d extra copies in Training, %d in PublicTest, %d in PrivateTest); "
                        + "%d groups span splits; %d with conflicting labels%n",
                duplicateGroups.size(), duplicatesWithin(Split.TRAINING), duplicatesWithin(Split.PUBLIC_TEST),
                duplicatesWithin(Split.PRIVATE_TEST), groupsAcrossSplits(), conflictingLabelGroups()));
        sb.append(String.format("leakage: %d PublicTest and %d PrivateTest rows are exact copies of Training images%n",
                leakedFromTraining(Split.PUBLIC_TEST), leakedFromTraining(Split.PRIVATE_TEST)));
        duplicateGroups.stream().filter(g -> splitsOf(g).size() > 1).limit(LISTED_GROUPS).forEach(g -> sb.append("  same image: ")
                .append(String.join(", ", g.stream().map(f -> f.origin() + " " + f.split() + " " + f.emotion().label()).toList()))
                .append('\n'));
        sb.append(issues.format());
        return sb.toString();
    }

    private static String formatRatio(double r) {
        return Double.isInfinite(r) ? "inf" : String.format("%.1f:1", r);
    }
}
