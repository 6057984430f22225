package io.emolens.train;

import java.nio.file.Path;

import io.emolens.core.Emotion;
import io.emolens.eval.Evaluation;

/**
 * The outcome of fine-tuning: the tuned model (null when the run was stopped before every member finished), and the
 * whole model's evaluations before and after on the held-out faces of the new data and, when replaying, on FER2013
 * PublicTest (the faces the forgetting guard watched) and PrivateTest (never used for a choice).
 *
 * @param optimistic true when the held-out faces are random faces of the people trained on, so their figure flatters
 */
public record FineTuneResult(Path runDir, Path model, String status, Evaluation ownBefore, Evaluation ownAfter, boolean optimistic,
                             Evaluation publicBefore, Evaluation publicAfter, Evaluation replayBefore, Evaluation replayAfter) {

    static FineTuneResult stopped(Path runDir) {
        return new FineTuneResult(runDir, null, "stopped", null, null, false, null, null, null, null);
    }

    /** True when the tuned model agrees more with the held-out faces than its base. */
    public boolean improved() {
        return ownAfter != null && ownAfter.accuracy() > ownBefore.accuracy();
    }

    /** The before/after report printed by the CLI and shown by the app. */
    public String format() {
        if (ownAfter == null) {
            return "stopped before every member finished: no model yet; 'train --resume " + runDir + "' continues\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(line(ownAfter.split(), ownBefore, ownAfter));
        sb.append(perClass(ownBefore, ownAfter));
        if (optimistic) {
            sb.append("  (").append(TrainingData.OPTIMISTIC).append(")\n");
        }
        if (publicAfter != null) {
            sb.append(line("FER2013 PublicTest, faces in general (the guard's)", publicBefore, publicAfter));
        }
        if (replayAfter != null) {
            sb.append(line("FER2013 PrivateTest, faces in general", replayBefore, replayAfter));
        }
        sb.append(improved() ? "The fine-tuned model reads the held-out faces better than its base.\n"
                : "The fine-tuned model does not read the held-out faces better than its base: keep using the base.\n");
        sb.append(model == null ? "" : "model: " + model.toAbsolutePath() + "\n");
        return sb.toString();
    }

    private static String line(String what, Evaluation before, Evaluation after) {
        return String.format("%s (%d faces): base %.1f%% -> fine-tuned %.1f%% (%+.1f points)%n", what, after.confusion().total(),
                100 * before.accuracy(), 100 * after.accuracy(), 100 * (after.accuracy() - before.accuracy()));
    }

    /** Recall per labeled class before and after, for the classes the held-out faces have. */
    static String perClass(Evaluation before, Evaluation after) {
        StringBuilder sb = new StringBuilder(String.format("  %-9s %6s %8s %8s%n", "label", "faces", "base", "tuned"));
        for (Emotion e : Emotion.values()) {
            long n = after.confusion().support(e);
            if (n > 0) {
                sb.append(String.format("  %-9s %6d %7.1f%% %7.1f%%%n", e.label(), n, 100 * before.confusion().recall(e),
                        100 * after.confusion().recall(e)));
            }
        }
        return sb.toString();
    }
}
