package io.emolens.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a model file's inference combines its networks, stored under the key {@code ensemble} of the model's
 * metadata JSON beside the {@link ModelMetadata} keys. The model zip then holds one DL4J network file per member
 * (entries named in {@link EnsembleMember#entry()}); the classifier averages the members' softmax probabilities
 * (each of the face and, with {@code flipAverage}, of its mirror image) and rescales the mean by
 * {@code temperature} ({@link Temperature}). Absent for a plain one-network model (no flips, T = 1).
 *
 * @param combination         {@value #MEAN_SOFTMAX}, the only one
 * @param flipAverage         whether each member also scores the horizontally mirrored face (test-time augmentation)
 * @param temperature         T applied to the mean probability; 1 = uncalibrated
 * @param temperatureFittedOn the split T was fitted on (NLL minimized), e.g. PublicTest; null when not fitted
 * @param logLoss             the whole inference's log-loss per split, as measured when the file was built
 * @param ece                 its expected calibration error per split (15 top-1 bins)
 * @param uncalibratedEce     its ECE per split with T = 1, to show what the temperature changed
 * @param members             the networks, in entry order
 */
public record EnsembleSpec(String combination, boolean flipAverage, double temperature, String temperatureFittedOn,
                           Map<String, Double> logLoss, Map<String, Double> ece, Map<String, Double> uncalibratedEce,
                           List<EnsembleMember> members) {
    public static final String MEAN_SOFTMAX = "mean_softmax";

    /** Problems that make the spec unusable, empty when it is fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!MEAN_SOFTMAX.equals(combination)) {
            problems.add("combination '" + combination + "' is not supported (expected '" + MEAN_SOFTMAX + "')");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            problems.add("temperature " + temperature + " is not a positive number");
        }
        if (members == null || members.isEmpty()) {
            problems.add("it lists no members");
            return problems;
        }
        java.util.Set<String> entries = new java.util.HashSet<>();
        for (EnsembleMember m : members) {
            if (m.entry() == null || !m.entry().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.zip")) {
                problems.add("member entry name '" + m.entry() + "' is not a plain file name ending in .zip");
            } else if (!entries.add(m.entry())) {
                problems.add("member entry " + m.entry() + " is listed twice");
            }
            if (m.sha256() == null || !m.sha256().matches("sha256:[0-9a-f]{64}")) {
                problems.add("member " + m.entry() + " has no sha256 checksum");
            }
        }
        return problems;
    }

    /** Networks run per face: members × (2 with flips). */
    public int passesPerFace() {
        return members.size() * (flipAverage ? 2 : 1);
    }
}
