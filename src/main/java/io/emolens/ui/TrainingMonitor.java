package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Font;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import io.emolens.train.BatchProgress;
import io.emolens.train.Diagnosis;
import io.emolens.train.EpochStats;
import io.emolens.train.RunInfo;
import io.emolens.train.TrainingListener;

/**
 * The live view of a training run: learning curves with the over-fitting indicator, a log, and a progress bar
 * with epoch, batch, images/s and ETA. As a {@link TrainingListener} it is called on the training thread and
 * hands every event to the EDT.
 */
final class TrainingMonitor implements TrainingListener {
    private final CurvesPanel curves = new CurvesPanel();
    private final JLabel overfit = new JLabel(" ");
    private final JTextArea log = new JTextArea();
    private final JProgressBar progress = new JProgressBar();
    private final JPanel curvesView = new JPanel(new BorderLayout());

    TrainingMonitor() {
        log.setEditable(false);
        log.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        overfit.setFont(overfit.getFont().deriveFont(Font.BOLD));
        curvesView.add(curves, BorderLayout.CENTER);
        curvesView.add(overfit, BorderLayout.SOUTH);
        progress.setStringPainted(true);
    }

    JPanel curvesView() {
        return curvesView;
    }

    JTextArea log() {
        return log;
    }

    JProgressBar progress() {
        return progress;
    }

    CurvesPanel curves() {
        return curves;
    }

    /** Clears the view for a new run (EDT). */
    void reset() {
        curves.clear();
        overfit.setText(" ");
        log.setText("");
    }

    /** Appends a line to the log (EDT). */
    void append(String line) {
        log.append(line + "\n");
    }

    /** Shows a status text in the progress bar (EDT). */
    void status(String text) {
        progress.setString(text);
    }

    @Override
    public void onStart(RunInfo info) {
        SwingUtilities.invokeLater(() -> {
            append(String.format("Run folder %s: %d training and %d validation faces, %,d parameters, from epoch %d",
                    info.runDir(), info.trainImages(), info.valImages(), info.parameters(), info.startEpoch()));
            for (EpochStats s : info.history()) {
                curves.addEpoch(s, info.bestEpoch());
            }
            if (!info.history().isEmpty()) {
                showOverfitting(info.history().get(info.history().size() - 1), info.bestEpoch());
            }
        });
    }

    @Override
    public void onBatch(BatchProgress p) {
        SwingUtilities.invokeLater(() -> {
            curves.addBatch(p);
            progress.setMaximum(p.batches());
            progress.setValue(p.batch());
            progress.setString(String.format("epoch %d/%d  batch %d/%d  loss %.3f  %.0f images/s  epoch ETA %s",
                    p.epoch(), p.maxEpochs(), p.batch(), p.batches(), p.meanLoss(), p.imagesPerSec(), duration(p.epochEtaSec())));
        });
    }

    @Override
    public void onEpoch(EpochStats s, int bestEpoch) {
        SwingUtilities.invokeLater(() -> {
            curves.addEpoch(s, bestEpoch);
            append(String.format("epoch %d: train loss %.3f acc %.1f%% | validation loss %.3f acc %.1f%% | %.0f s",
                    s.epoch(), s.trainLoss(), 100 * s.trainAcc(), s.valLoss(), 100 * s.valAcc(), s.seconds()));
            showOverfitting(s, bestEpoch);
        });
    }

    private void showOverfitting(EpochStats last, int bestEpoch) {
        Diagnosis d = Diagnosis.of(curves.history(), bestEpoch);
        boolean overfitting = d.lossTurnEpoch() > 0 && last.trainLoss() < trainLossAt(d.lowestLossEpoch());
        overfit.setForeground(overfitting ? UIManager.getColor("Component.error.focusedBorderColor") : UIManager.getColor("Label.foreground"));
        overfit.setText(overfitting
                ? "Over-fitting: validation loss turned up at epoch " + d.lossTurnEpoch() + " while training loss keeps falling. Best epoch " + bestEpoch + " is kept."
                : "No over-fitting yet: validation loss is at or near its lowest.");
    }

    @Override
    public void onMessage(String message) {
        SwingUtilities.invokeLater(() -> append(message));
    }

    private double trainLossAt(int epoch) {
        return curves.history().stream().filter(e -> e.epoch() == epoch).findFirst().map(EpochStats::trainLoss).orElse(Double.NaN);
    }

    private static String duration(double seconds) {
        return Dialogs.duration(seconds);
    }
}
