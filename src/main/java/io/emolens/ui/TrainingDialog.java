package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

import io.emolens.core.EmolensException;
import io.emolens.data.Dataset;
import io.emolens.train.FineTuneResult;
import io.emolens.train.FineTuner;
import io.emolens.train.RunFolder;
import io.emolens.train.TrainConfig;
import io.emolens.train.TrainingControl;
import io.emolens.train.TrainingResult;
import io.emolens.train.TrainServices;
import io.emolens.train.TuneOptions;

/**
 * Model → Train model…: choose FER2013 data, see its split report, set the training options, then watch the
 * learning curves live with pause, stop and resume; at the end the PrivateTest evaluation and "Use this
 * model". "Start from a model…" fine-tunes a trained model on the data instead, with the defaults of
 * {@code train --from} and Personalize…, and offers the result only when it reads the held-out faces better. A thin
 * view over the training services, which run on a worker thread.
 */
final class TrainingDialog {
    private final TrainingHost host;
    private final JDialog dialog;
    private final TrainingDataChooser data;
    private final TrainingSettingsForm settings = new TrainingSettingsForm();
    private final TrainingMonitor monitor = new TrainingMonitor();
    private final EvaluationPanel evaluation = new EvaluationPanel();
    private final JProgressBar progress = monitor.progress();
    private final JButton start = new JButton("Start training");
    private final JButton pause = new JButton("Pause");
    private final JButton stop = new JButton("Stop");
    private final JButton resumeRun = new JButton("Resume a run…");
    private final JButton startFrom = new JButton("Start from a model…");
    private final JButton useModel = new JButton("Use this model");
    private final JButton addToEnsemble = new JButton("Add to ensemble…");
    private final JTabbedPane tabs = new JTabbedPane();
    private TrainingControl control;
    private TrainingResult result;
    private FineTuneResult tuned;
    private Path model;

    TrainingDialog(JFrame owner, TrainingHost host, String lastData) {
        this.host = host;
        dialog = new JDialog(owner, "Train a model", false);
        dialog.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                close();
            }
        });
        data = new TrainingDataChooser(dialog, progress, lastData, path -> {
            host.rememberTrainingData(path);
            tabs.setSelectedIndex(0);
            setRunning(false);
        });

        JPanel left = new JPanel(new BorderLayout());
        left.setBorder(BorderFactory.createTitledBorder("Settings (hover for help)"));
        left.add(settings, BorderLayout.NORTH);
        tabs.addTab("Data report", new JScrollPane(data.report()));
        tabs.addTab("Learning curves", monitor.curvesView());
        tabs.addTab("Log", new JScrollPane(monitor.log()));
        tabs.addTab("Evaluation", evaluation);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, tabs);
        split.setDividerLocation(480);

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        for (JButton b : List.of(start, startFrom, pause, stop, resumeRun, useModel, addToEnsemble)) {
            buttons.add(b);
        }
        JButton closeButton = new JButton("Close");
        closeButton.addActionListener(e -> close());
        buttons.add(closeButton);
        start.addActionListener(e -> startRun(null));
        resumeRun.addActionListener(e -> chooseRunToResume());
        startFrom.setToolTipText("Fine-tune a trained model on this data instead of training a new network: FER2013 rows are replayed so it "
                + "keeps reading faces in general, and the result is offered only when it reads the held-out faces better than its base");
        startFrom.addActionListener(e -> chooseBaseToTune());
        pause.addActionListener(e -> togglePause());
        stop.addActionListener(e -> requestStop());
        useModel.addActionListener(e -> installModel());
        addToEnsemble.setToolTipText("Add the trained model as a member of an ensemble in the models folder and refit its temperature");
        addToEnsemble.addActionListener(e -> {
            addToEnsemble.setEnabled(false);
            EnsembleAdder.ask(dialog, host.modelLibrary(), result.model(), data.dataset(), this::append, progress,
                    () -> addToEnsemble.setEnabled(control == null && result != null && result.model() != null));
        });
        progress.setString("Choose data and press Check data, then Start training; or Resume a run…");
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(progress, BorderLayout.NORTH);
        bottom.add(buttons, BorderLayout.SOUTH);

        dialog.getContentPane().add(data.row(), BorderLayout.NORTH);
        dialog.getContentPane().add(split, BorderLayout.CENTER);
        dialog.getContentPane().add(bottom, BorderLayout.SOUTH);
        dialog.setSize(1180, 720);
        dialog.setLocationRelativeTo(owner);
        setRunning(false);
    }

    void show() {
        dialog.setVisible(true);
    }

    /** True when data was read and no run is going: Start is enabled. */
    boolean isReadyToStart() {
        return start.isEnabled();
    }

    boolean isTraining() {
        return control != null;
    }

    JDialog window() {
        return dialog;
    }

    CurvesPanel curves() {
        return monitor.curves();
    }

    TrainingSettingsForm settings() {
        return settings;
    }

    TrainingResult result() {
        return result;
    }

    /** The last fine-tuning's outcome, or null. */
    FineTuneResult tuned() {
        return tuned;
    }

    /** The progress bar's text: the run's state, or its outcome once it ended. */
    String progressText() {
        return progress.getString();
    }

    void setData(Path path) {
        data.setData(path.toString());
    }

    String dataText() {
        return data.dataText();
    }

    void checkData() {
        data.check(() -> { });
    }


    void startRun(Path resumeDir) {
        Dataset dataset = data.dataset();
        if (dataset == null) {
            JOptionPane.showMessageDialog(dialog, "Check the data first (Check data).", "No data", JOptionPane.WARNING_MESSAGE);
            return;
        }
        TrainConfig config;
        try {
            config = settings.config();
        } catch (IllegalArgumentException e) {
            JOptionPane.showMessageDialog(dialog, e.getMessage(), "Invalid setting", JOptionPane.WARNING_MESSAGE);
            return;
        }
        Path runDir = resumeDir != null ? resumeDir
                : host.runsFolder().resolve(config.architecture() + "-" + runStamp());
        TrainingControl runControl = beginRun();
        append("Live video is paused while training, to give training the CPU.");
        tabs.setSelectedIndex(1);
        new SwingWorker<TrainingResult, Void>() {
            @Override
            protected TrainingResult doInBackground() {
                return resumeDir != null
                        ? host.trainer().resume(dataset, runDir, c -> c.withMaxEpochs(Math.max(c.maxEpochs(), config.maxEpochs())), monitor, runControl)
                        : host.trainer().train(dataset, config, runDir, monitor, runControl);
            }

            @Override
            protected void done() {
                control = null;
                setRunning(false);
                host.pauseLive(false);
                try {
                    finished(get());
                } catch (ExecutionException e) {
                    stopped("Training stopped", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void finished(TrainingResult r) {
        result = r;
        model = r.model();
        append("Run " + r.summary() + "." + (r.history().isEmpty() ? "" : " " + r.diagnosis().text()));
        if (r.test() != null) {
            evaluation.show(r.test());
            tabs.setSelectedIndex(3);
            progress.setString(String.format("%s, PrivateTest accuracy %.1f%%, macro-F1 %.3f", capitalized(r.summary()),
                    100 * r.test().accuracy(), r.test().macroF1()));
        } else {
            progress.setString(capitalized(r.summary()) + (r.model() == null ? "" : "."));
        }
        useModel.setEnabled(r.model() != null);
        addToEnsemble.setEnabled(r.model() != null);
    }

    private void chooseBaseToTune() {
        if (data.dataset() == null) {
            JOptionPane.showMessageDialog(dialog, "Check your data first (Check data): the faces to tune on.", "No data", JOptionPane.WARNING_MESSAGE);
            return;
        }
        JFileChooser chooser = new JFileChooser(host.modelLibrary().folder().toFile());
        chooser.setDialogTitle("Start from a model: fine-tune it on " + data.dataText());
        chooser.setFileFilter(new FileNameExtensionFilter("Emolens models (*.zip)", "zip"));
        if (chooser.showOpenDialog(dialog) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path base = chooser.getSelectedFile().toPath();
        JFileChooser fer = new JFileChooser();
        fer.setDialogTitle("Replay FER2013 rows so the model keeps reading faces in general: choose fer2013.csv (Cancel: no replay)");
        fer.setFileFilter(new FileNameExtensionFilter("FER2013 CSV (*.csv, *.csv.gz)", "csv", "gz"));
        fineTune(base, fer.showOpenDialog(dialog) == JFileChooser.APPROVE_OPTION ? fer.getSelectedFile().toPath() : null);
    }

    /** Forgets the last run's results, pauses the live view and shows the run as started; its control. */
    private TrainingControl beginRun() {
        control = new TrainingControl();
        result = null;
        tuned = null;
        model = null;
        monitor.reset();
        evaluation.clear();
        setRunning(true);
        host.pauseLive(true);
        return control;
    }

    private static String runStamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /** Fine-tunes {@code base} on the checked data, replaying {@code replay} (null: none), as {@code train --from} does by default. */
    void fineTune(Path base, Path replay) {
        Dataset dataset = data.dataset();
        Path runDir = host.runsFolder().resolve("finetune-" + runStamp());
        TrainingControl runControl = beginRun();
        append("Fine-tuning " + base.getFileName() + (replay == null ? " without replay" : ", replaying " + replay.getFileName()) + "; run folder " + runDir);
        tabs.setSelectedIndex(1);
        new SwingWorker<FineTuneResult, Void>() {
            @Override
            protected FineTuneResult doInBackground() {
                FineTuner tuner = new FineTuner(TrainServices.exporter());
                return tuner.fineTune(base, dataset, FineTuner.defaults(tuner.checkBase(base)), TuneOptions.defaults(replay), runDir,
                        monitor, runControl);
            }

            @Override
            protected void done() {
                control = null;
                host.pauseLive(false);
                try {
                    FineTuneResult r = get();
                    tuned = r;
                    model = r.improved() ? r.model() : null;
                    append(r.format());
                    tabs.setSelectedIndex(2);
                    progress.setString(r.ownAfter() == null ? "Fine-tuning stopped: no model"
                            : String.format("Fine-tuned: held-out faces %.1f%% -> %.1f%%%s", 100 * r.ownBefore().accuracy(), 100 * r.ownAfter().accuracy(),
                                    r.improved() ? "" : ", not better than its base: not offered"));
                } catch (ExecutionException e) {
                    stopped("Fine-tuning stopped", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                setRunning(false);
            }
        }.execute();
    }

    /** Shows why a run stopped, in the progress bar, the log and a dialog. */
    private void stopped(String title, Throwable cause) {
        progress.setString(title + ": " + Dialogs.describe(cause));
        append("ERROR: " + Dialogs.describe(cause));
        Dialogs.error(dialog, title, cause);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void installModel() {
        if (model == null) {
            return;
        }
        try {
            Path installed = host.installModel(model);
            append("Model installed as " + installed + " and now used for live video.");
            progress.setString("Using " + installed.getFileName());
        } catch (RuntimeException e) {
            Dialogs.error(dialog, "Cannot use this model", e);
        }
    }

    private void chooseRunToResume() {
        JFileChooser chooser = new JFileChooser(host.runsFolder().toFile());
        chooser.setDialogTitle("Resume a training run (choose its folder)");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(dialog) == JFileChooser.APPROVE_OPTION) {
            resume(chooser.getSelectedFile().toPath());
        }
    }

    /** Resumes a run; with no data checked yet, first reads the data the run was started on. */
    void resume(Path runDir) {
        if (data.dataset() != null) {
            startRun(runDir);
            return;
        }
        RunFolder run = new RunFolder(runDir);
        if (!run.hasState()) {
            Dialogs.error(dialog, "Cannot resume " + runDir.getFileName(),
                    new EmolensException(runDir.toAbsolutePath() + " is not a training run folder (no state.json): choose the folder a run was saved to."));
            return;
        }
        try {
            data.setData(run.readSpec().data());
        } catch (RuntimeException e) {
            Dialogs.error(dialog, "Cannot resume " + runDir.getFileName(), e);
            return;
        }
        data.check(() -> startRun(runDir));
    }

    private void togglePause() {
        TrainingControl c = control;
        if (c == null) {
            return;
        }
        if (c.isPaused()) {
            c.resume();
            pause.setText("Pause");
            append("Resumed.");
        } else {
            c.pause();
            pause.setText("Resume");
            append("Paused after the current batch.");
        }
    }

    void requestStop() {
        TrainingControl c = control;
        if (c != null) {
            c.stop();
            append("Stopping after the current batch; the best epoch's checkpoint is kept.");
        }
    }

    /** Closes the dialog; mid-training it asks first and keeps the checkpoint. */
    void close() {
        if (control != null) {
            int answer = JOptionPane.showConfirmDialog(dialog, "Training is running. Stop it and close? The last completed epoch "
                    + "is kept and the run can be resumed later.", "Stop training?", JOptionPane.OK_CANCEL_OPTION);
            if (answer != JOptionPane.OK_OPTION) {
                return;
            }
            requestStop();
        }
        dialog.dispose();
    }


    private void setRunning(boolean running) {
        settings.setEditable(!running);
        start.setEnabled(!running && data.dataset() != null);
        resumeRun.setEnabled(!running);
        startFrom.setEnabled(!running && data.dataset() != null);
        data.setEnabled(!running);
        pause.setEnabled(running);
        stop.setEnabled(running);
        pause.setText("Pause");
        useModel.setEnabled(!running && model != null);
        addToEnsemble.setEnabled(!running && result != null && result.model() != null);
    }

    private void append(String line) {
        monitor.append(line);
    }
}
