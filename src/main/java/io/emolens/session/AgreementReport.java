package io.emolens.session;

import java.util.List;
import java.util.Optional;

import io.emolens.core.Emotion;
import io.emolens.eval.ConfusionMatrix;
import io.emolens.record.LabelSegment;

/**
 * How often the model agreed with what the user said they felt. One face counts per frame: the largest (the
 * user, nearest the camera), on frames whose session time lies in a label segment. <b>Confusion matrix rows are
 * the user's label, columns the model's top prediction, both in FER2013 order</b> (as {@link ConfusionMatrix}).
 *
 * @param matrix         counts of (user label, recorded prediction) over labeled frames that have one
 * @param labeledFrames  frames with a face inside a label segment
 * @param unscoredFrames of those, frames whose face had no probabilities yet (or no model at all)
 * @param predictions    whether the session has any probabilities (false: recorded without a model)
 */
public record AgreementReport(ConfusionMatrix matrix, long labeledFrames, long unscoredFrames, boolean predictions) {

    public static AgreementReport of(RecordedSession session) {
        return of(session.faces(), session.labels());
    }

    /** The report over faces.csv rows (in file order, a frame's rows together) and label segments. */
    public static AgreementReport of(List<RecordedSession.Face> faces, List<LabelSegment> labels) {
        ConfusionMatrix m = new ConfusionMatrix();
        long labeled = 0;
        long unscored = 0;
        boolean predictions = faces.stream().anyMatch(f -> f.predicted().isPresent());
        for (RecordedSession.Face largest : RecordedSession.largestPerFrame(faces)) {
            Optional<Emotion> truth = labelAt(labels, largest.sessionMs());
            if (truth.isEmpty()) {
                continue;
            }
            labeled++;
            if (largest.predicted().isPresent()) {
                m.add(truth.get(), largest.predicted().get());
            } else {
                unscored++;
            }
        }
        return new AgreementReport(m, labeled, unscored, predictions);
    }

    /** The label in force at {@code ms}, if any. */
    public static Optional<Emotion> labelAt(List<LabelSegment> labels, long ms) {
        for (LabelSegment s : labels) {
            if (s.contains(ms)) {
                return Optional.of(s.label());
            }
        }
        return Optional.empty();
    }

    /** Share of compared frames where the model's top emotion equals the user's label; 0 when none were compared. */
    public double accuracy() {
        return matrix.accuracy();
    }

    public long compared() {
        return matrix.total();
    }

    /** The report as text, for the CLI and the review window. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (labeledFrames == 0) {
            sb.append("No labeled frames with a face: press 1-7 while recording to say what you feel (0 clears).\n");
        }
        if (!predictions) {
            sb.append("No predictions: this session was recorded without a model (detection only), so agreement with your "
                    + "labels cannot be computed. Load a model (Model → Load model…) and record again; the labeled face crops "
                    + "can still be exported.\n");
            return sb.toString();
        }
        if (labeledFrames == 0) {
            return sb.toString();
        }
        sb.append(String.format("Agreement with your labels: %.1f%% (%d of %d labeled frames; the largest face per frame)%n",
                100 * accuracy(), matrix.correct(), compared()));
        if (unscoredFrames > 0) {
            sb.append(unscoredFrames).append(" labeled frames had no prediction yet and are not counted.\n");
        }
        sb.append("Rows: your label. Columns: the model's prediction.\n");
        sb.append(matrix.format().replace("true\\pred", "you\\model"));
        return sb.toString();
    }
}
