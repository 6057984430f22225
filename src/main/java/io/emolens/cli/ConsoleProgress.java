package io.emolens.cli;

import java.io.PrintStream;

import io.emolens.train.BatchProgress;
import io.emolens.train.EpochStats;
import io.emolens.train.RunInfo;
import io.emolens.train.TrainingListener;
import io.emolens.train.TrainingResult;

/** Prints training progress as plain lines (log-file friendly): a batch line at most every few seconds, one line per epoch. */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final long intervalNanos;
    private long lastPrint;

    ConsoleProgress(PrintStream out, double intervalSeconds) {
        this.out = out;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    @Override
    public void onStart(RunInfo info) {
        out.printf("training %s from epoch %d to at most %d: %d training images, %d validation images, %,d parameters -> %s%n",
                info.config().architecture(), info.startEpoch(), info.config().maxEpochs(), info.trainImages(),
                info.valImages(), info.parameters(), info.runDir());
        lastPrint = System.nanoTime();
    }

    @Override
    public void onBatch(BatchProgress p) {
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos || p.batch() == p.batches()) {
            lastPrint = now;
            out.printf("  epoch %d/%d batch %d/%d loss %.4f (mean %.4f) %.0f images/s, epoch ETA %s, run ETA <= %s%n", p.epoch(),
                    p.maxEpochs(), p.batch(), p.batches(), p.loss(), p.meanLoss(), p.imagesPerSec(), duration(p.epochEtaSec()),
                    duration(p.runEtaSec()));
        }
    }

    @Override
    public void onEpoch(EpochStats s, int bestEpoch) {
        out.printf("epoch %d: fit loss %.4f | train loss %.4f acc %.2f%% | val loss %.4f acc %.2f%% | lr %.2g | %s, %.0f images/s%s%n",
                s.epoch(), s.fitLoss(), s.trainLoss(), 100 * s.trainAcc(), s.valLoss(), 100 * s.valAcc(), s.learningRate(),
                duration(s.seconds()), s.imagesPerSec(), bestEpoch == s.epoch() ? "  * best" : "");
    }

    @Override
    public void onMessage(String message) {
        out.println(message);
    }

    @Override
    public void onFinish(TrainingResult r) {
        out.println("run " + r.status() + " after " + r.history().size() + " epochs; kept " + r.kept());
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
