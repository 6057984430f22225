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
 * faces that have one, next to how often FER2013's own label does. It also splits those faces where the trade-off
 * between the two label sets lives: where FER2013's label is the majority a better network gains on both measures,
 * where the two differ every face a prediction gives to one it takes from the other.
 *
 * @param faces           faces scored
 * @param withMajority    faces with a clear FER+ majority
 * @param agreed          of those, faces whose prediction is the majority
 * @param labelAgreed     of those, faces whose FER2013 label is the majority
 * @param labelAgreedRight of the faces whose FER2013 label is the majority, those the prediction gets
 * @param differingLabel  of the faces whose FER2013 label is not the majority, those predicted as the FER2013 label
 */
public record MajorityAgreement(int faces, int withMajority, int agreed, int labelAgreed, int labelAgreedRight, int differingLabel) {

    /** The agreement of {@code probabilities.get(i)}'s top class for {@code faces.get(i)} with its FER+ majority. */
    public static MajorityAgreement of(List<float[]> probabilities, List<LabeledFace> faces, FerPlusVotes votes) {
        int with = 0;
        int agreed = 0;
        int label = 0;
        int labelRight = 0;
        int differingLabel = 0;
        for (int i = 0; i < faces.size(); i++) {
            Optional<Emotion> majority = votes.of(faces.get(i)).flatMap(FerPlusVotes.Row::majority);
            if (majority.isEmpty()) {
                continue;
            }
            with++;
            Emotion predicted = new EmotionScores(probabilities.get(i)).top();
            Emotion fer2013 = faces.get(i).emotion();
            if (predicted == majority.get()) {
                agreed++;
            }
            if (fer2013 == majority.get()) {
                label++;
                labelRight += predicted == fer2013 ? 1 : 0;
            } else if (predicted == fer2013) {
                differingLabel++;
            }
        }
        return new MajorityAgreement(faces.size(), with, agreed, label, labelRight, differingLabel);
    }

    /** Faces with a clear majority that FER2013 labels otherwise. */
    public int differing() {
        return withMajority - labelAgreed;
    }

    /** Accuracy on the faces whose FER2013 label is the majority (both label sets agree); NaN when there are none. */
    public double accuracyWhereLabelsAgree() {
        return labelAgreed == 0 ? Double.NaN : (double) labelAgreedRight / labelAgreed;
    }

    /** Of the faces where the FER2013 label and the majority differ, the share predicted as the majority. */
    public double majorityShareWhereLabelsDiffer() {
        return differing() == 0 ? Double.NaN : (double) (agreed - labelAgreedRight) / differing();
    }

    /** Of the faces where the FER2013 label and the majority differ, the share predicted as the FER2013 label. */
    public double labelShareWhereLabelsDiffer() {
        return differing() == 0 ? Double.NaN : (double) differingLabel / differing();
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
        m.put("ferplus_labels_agree_rows", labelAgreed);
        m.put("ferplus_labels_agree_accuracy", finiteOrNull(accuracyWhereLabelsAgree()));
        m.put("ferplus_labels_differ_rows", differing());
        m.put("ferplus_labels_differ_majority_share", finiteOrNull(majorityShareWhereLabelsDiffer()));
        m.put("ferplus_labels_differ_fer2013_share", finiteOrNull(labelShareWhereLabelsDiffer()));
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public String format() {
        String total = String.format(java.util.Locale.ROOT, "FER+ majority agreement: %.2f%% (%d of %d faces with a clear majority; FER2013's own label agrees on %.2f%%)",
                100 * accuracy(), agreed, withMajority, 100 * labelAccuracy());
        if (labelAgreed == 0 || differing() == 0) {
            return total;
        }
        return total + String.format(java.util.Locale.ROOT, "%n  where FER2013's label is the majority (%d faces): %.2f%% right; "
                        + "where they differ (%d faces): %.2f%% given the majority, %.2f%% FER2013's label",
                labelAgreed, 100 * accuracyWhereLabelsAgree(), differing(), 100 * majorityShareWhereLabelsDiffer(), 100 * labelShareWhereLabelsDiffer());
    }
}
