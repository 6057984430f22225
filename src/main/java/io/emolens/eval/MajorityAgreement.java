package io.emolens.eval;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;

import io.emolens.core.Emotion;
import io.emolens.core.EmotionScores;
import io.emolens.data.FerPlusVotes;
import io.emolens.data.LabeledFace;

/**
 * How often predictions agree with the FER+ annotators' clear majority ({@link FerPlusVotes.Row#majority()}), over the
 * faces that have one, next to how often FER2013's own label does.
 *
 * @param faces          faces scored
 * @param withMajority   faces with a clear FER+ majority
 * @param agreed         of those, faces whose prediction is the majority
 * @param labelAgreed    of those, faces whose FER2013 label is the majority
 */
public record MajorityAgreement(int faces, int withMajority, int agreed, int labelAgreed) {

    /** The agreement of {@code probabilities.get(i)}'s top class for {@code faces.get(i)} with its FER+ majority. */
    public static MajorityAgreement of(List<float[]> probabilities, List<LabeledFace> faces, FerPlusVotes votes) {
        int with = 0;
        int agreed = 0;
        int label = 0;
        for (int i = 0; i < faces.size(); i++) {
            Optional<Emotion> majority = votes.of(faces.get(i)).flatMap(FerPlusVotes.Row::majority);
            if (majority.isEmpty()) {
                continue;
            }
            with++;
            if (new EmotionScores(probabilities.get(i)).top() == majority.get()) {
                agreed++;
            }
            if (faces.get(i).emotion() == majority.get()) {
                label++;
            }
        }
        return new MajorityAgreement(faces.size(), with, agreed, label);
    }

    /** Share of the faces with a clear majority whose prediction agrees; NaN when none has one. */
    public double accuracy() {
        return withMajority == 0 ? Double.NaN : (double) agreed / withMajority;
    }

    /** Share of the faces with a clear majority whose FER2013 label agrees. */
    public double labelAccuracy() {
        return withMajority == 0 ? Double.NaN : (double) labelAgreed / withMajority;
    }

    /** The JSON keys {@code evaluate --ferplus} adds. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ferplus_majority_accuracy", accuracy());
        m.put("ferplus_majority_rows", withMajority);
        m.put("ferplus_majority_agreed", agreed);
        m.put("fer2013_label_majority_accuracy", labelAccuracy());
        return m;
    }

    public String format() {
        return String.format(java.util.Locale.ROOT, "FER+ majority agreement: %.2f%% (%d of %d faces with a clear majority; FER2013's own label agrees on %.2f%%)",
                100 * accuracy(), agreed, withMajority, 100 * labelAccuracy());
    }
}
