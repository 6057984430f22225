package io.emolens.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;

/**
 * What a training face's target is when FER+ votes are at hand: FER2013's own one-hot label ({@code fer2013}), the
 * ten annotators' clear majority one-hot ({@code majority}), their seven-class vote distribution ({@code votes},
 * Barsoum et al. 2016's best), {@code blend:W}, W times the distribution plus (1 - W) times FER2013's one-hot label, or
 * {@code agreed}: FER2013's one-hot label on the faces whose label is the annotators' clear majority only (FER2013's
 * classes as it means them, without the faces people read otherwise).
 * Rows whose votes are unusable (see {@link FerPlusVotes}) are left out of training in every mode but {@code fer2013},
 * as are rows without a clear majority in {@code majority} and {@code agreed} mode.
 *
 * @param kind   fer2013, majority, votes, blend or agreed
 * @param weight the votes' share of a blend (1 for votes and majority, 0 for fer2013)
 */
public record LabelMode(String kind, double weight) {
    public static final LabelMode FER2013 = new LabelMode("fer2013", 0);
    public static final LabelMode VOTES = new LabelMode("votes", 1);
    public static final LabelMode MAJORITY = new LabelMode("majority", 1);
    public static final LabelMode AGREED = new LabelMode("agreed", 0);
    private static final String KNOWN = "fer2013, majority, votes, blend[:W] or agreed";

    public LabelMode {
        if (!List.of("fer2013", "majority", "votes", "blend", "agreed").contains(kind)) {
            throw new IllegalArgumentException("label mode must be " + KNOWN + ", was " + kind);
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("the votes' weight in a blend must be within 0..1, was " + weight);
        }
    }

    /** Parses {@code fer2013}, {@code majority}, {@code votes}, {@code blend} (W = 0.5), {@code blend:W} or {@code agreed}. */
    public static LabelMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("blend")) {
            if (t.equals("blend")) {
                return new LabelMode("blend", 0.5);
            }
            if (!t.startsWith("blend:")) {
                throw new IllegalArgumentException("label mode must be " + KNOWN + ", was " + text);
            }
            try {
                return new LabelMode("blend", Double.parseDouble(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("blend:W needs a number W within 0..1 (the votes' share), was " + text);
            }
        }
        return switch (t) {
            case "fer2013" -> FER2013;
            case "majority" -> MAJORITY;
            case "votes" -> VOTES;
            case "agreed" -> AGREED;
            default -> throw new IllegalArgumentException("label mode must be " + KNOWN + ", was " + text);
        };
    }

    /** The form {@link #parse} reads. */
    @Override
    public String toString() {
        return kind.equals("blend") ? "blend:" + java.math.BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString() : kind;
    }

    /** How many training faces a mode kept, and why the others were left out. */
    public record Applied(List<LabeledFace> faces, int withoutVotes, int unusable, int noMajority, int labelContradicted) {
        public String describe(LabelMode mode, int total) {
            return String.format(Locale.ROOT, "labels: %s; %d of %d Training faces kept (%d without votes in the file, %d that annotators "
                    + "could not label, %d without a clear majority%s left out)", mode, faces.size(), total, withoutVotes, unusable, noMajority,
                    mode.kind.equals("agreed") ? ", " + labelContradicted + " whose FER2013 label is not the majority" : "");
        }
    }

    /** {@code faces} with this mode's targets, the faces it cannot label left out. */
    public Applied apply(List<LabeledFace> faces, FerPlusVotes votes) {
        if (kind.equals("fer2013")) {
            return new Applied(faces, 0, 0, 0, 0);
        }
        List<LabeledFace> out = new ArrayList<>(faces.size());
        int missing = 0;
        int unusable = 0;
        int noMajority = 0;
        int contradicted = 0;
        for (LabeledFace f : faces) {
            Optional<FerPlusVotes.Row> row = votes.of(f);
            if (row.isEmpty()) {
                missing++;
                continue;
            }
            Optional<float[]> dist = row.get().distribution();
            if (dist.isEmpty()) {
                unusable++;
                continue;
            }
            float[] target;
            if (kind.equals("majority") || kind.equals("agreed")) {
                Optional<Emotion> m = row.get().majority();
                if (m.isEmpty()) {
                    noMajority++;
                    continue;
                }
                if (kind.equals("agreed") && m.get() != f.emotion()) {
                    contradicted++;
                    continue;
                }
                target = oneHot(m.get());
            } else {
                target = dist.get();
                if (kind.equals("blend")) {
                    float[] own = oneHot(f.emotion());
                    for (int c = 0; c < target.length; c++) {
                        target[c] = (float) (weight * target[c] + (1 - weight) * own[c]);
                    }
                }
            }
            out.add(f.withTarget(target));
        }
        if (out.isEmpty()) {
            throw new EmolensException("none of the " + faces.size() + " Training faces has usable votes in " + votes.source());
        }
        return new Applied(out, missing, unusable, noMajority, contradicted);
    }

    private static float[] oneHot(Emotion e) {
        float[] t = new float[Emotion.COUNT];
        t[e.index()] = 1;
        return t;
    }
}
