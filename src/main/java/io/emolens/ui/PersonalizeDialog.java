package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Window;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;

import io.emolens.session.Personalizer;
import io.emolens.train.BatchProgress;
import io.emolens.train.TrainServices;
import io.emolens.train.TrainingControl;
import io.emolens.train.TrainingListener;
import io.emolens.train.TrainingResult;

/**
 * Personalize…: fine-tunes the model in use on the labeled crops of one or more recorded sessions on a worker, with
 * a progress bar and ETA, then shows agreement with the user's held-out labels before and after, per emotion, and
 * offers the new model (saved in the user's models folder) only when it agrees more. Cancel keeps the model in use.
 */
final class PersonalizeDialog {
    private final JDialog dialog;
    private final List<Path> sessions;
    private final Path base;
    private final Path models;
    private final Path runs;
    private final Consumer<Path> use;
    private final JCheckBox replay;
    private final Path replayFile;
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JLabel eta = new JLabel(" ");
    private final JTextArea log = new JTextArea(14, 70);
    private final JButton start = new JButton("Personalize");
    private final JButton cancel = new JButton("Cancel");
    private final JButton useButton = new JButton("Use this model");
    private TrainingControl control;
    private Path result;

    /**
     * @param replayFile FER2013 data to replay (the training data last used), null when unknown
     * @param use        makes a model file the live model
     */
    PersonalizeDialog(Window owner, List<Path> sessions, Path base, Path models, Path runs, Path replayFile, Consumer<Path> use) {
        this.sessions = List.copyOf(sessions);
        this.base = base;
        this.models = models;
        this.runs = runs;
        this.replayFile = replayFile;
        this.use = use;
        dialog = new JDialog(owner, "Personalize the model", java.awt.Dialog.ModalityType.MODELESS);
        dialog.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        dialog.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                close();
            }
        });
        replay = new JCheckBox("Replay FER2013 rows so the model keeps reading other faces"
                + (replayFile == null ? " (train once from Model → Train model… to choose the file)" : " (" + replayFile.getFileName() + ")"),
                replayFile != null);
        replay.setEnabled(replayFile != null);
        JPanel top = new JPanel(new BorderLayout(4, 4));
        top.setBorder(BorderFactory.createEmptyBorder(8, 8, 4, 8));
        top.add(new JLabel("<html>Fine-tune <b>" + base.getFileName() + "</b> on the face crops you labeled in "
                + sessions.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + ".<br>The last quarter of every label segment is held out to measure agreement with your labels, before and after."
                + "<br>The model in use and its file stay as they are.</html>"), BorderLayout.NORTH);
        top.add(replay, BorderLayout.SOUTH);
        log.setEditable(false);
        log.setLineWrap(true);
        log.setWrapStyleWord(true);
        log.setName("personalize.log");
        log.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 12));
        JPanel bottom = new JPanel(new BorderLayout(4, 4));
        bottom.setBorder(BorderFactory.createEmptyBorder(4, 8, 8, 8));
        JPanel bar = new JPanel(new BorderLayout(6, 0));
        progress.setStringPainted(true);
        progress.setString("not started");
        bar.add(progress, BorderLayout.CENTER);
        bar.add(eta, BorderLayout.EAST);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        start.setName("personalize.start");
        cancel.setName("personalize.cancel");
        useButton.setName("personalize.use");
        useButton.setEnabled(false);
        buttons.add(start);
        buttons.add(useButton);
        buttons.add(cancel);
        bottom.add(bar, BorderLayout.NORTH);
        bottom.add(buttons, BorderLayout.SOUTH);
        start.addActionListener(e -> start());
        cancel.addActionListener(e -> close());
        useButton.addActionListener(e -> {
            use.accept(result);
            dialog.dispose();
        });
        JPanel content = new JPanel(new BorderLayout());
        content.add(top, BorderLayout.NORTH);
        content.add(new JScrollPane(log), BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
    }

    void show() {
        dialog.setVisible(true);
    }

    JDialog dialog() {
        return dialog;
    }

    /** Runs the fine-tuning on a worker named "personalize". */
    void start() {
        start.setEnabled(false);
        replay.setEnabled(false);
        cancel.setText("Cancel");
        control = new TrainingControl();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = models.resolve("personalized-" + stamp + ".zip");
        Path runDir = runs.resolve("personalize-" + stamp);
        int passes = Personalizer.memberRuns(base);
        long started = System.nanoTime();
        TrainingListener listener = new TrainingListener() {
            private int finished;

            @Override
            public void onBatch(BatchProgress p) {
                double member = ((p.epoch() - 1) + (double) p.batch() / p.batches()) / p.maxEpochs();
                double done = Math.min(1, (finished + member) / passes);
                double elapsed = (System.nanoTime() - started) / 1e9;
                SwingUtilities.invokeLater(() -> {
                    progress.setValue((int) (1000 * done));
                    progress.setString(String.format("%.0f%% · network %d of %d, epoch %d of at most %d", 100 * done,
                            Math.min(passes, finished + 1), passes, p.epoch(), p.maxEpochs()));
                    eta.setText(done > 0.02 ? "at most " + Dialogs.duration(elapsed * (1 - done) / done) + " left" : "estimating…");
                });
            }

            @Override
            public void onMessage(String message) {
                SwingUtilities.invokeLater(() -> log.append(message + "\n"));
            }

            @Override
            public void onFinish(TrainingResult r) {
                finished++;
            }
        };
        boolean withReplay = replay.isSelected();
        new SwingWorker<Personalizer.Outcome, Void>() {
            @Override
            protected Personalizer.Outcome doInBackground() {
                Thread.currentThread().setName("personalize");
                return new Personalizer(TrainServices.exporter()).personalize(base, sessions, withReplay ? replayFile : null, runDir, out,
                        listener, control);
            }

            @Override
            protected void done() {
                cancel.setText("Close");
                cancel.setEnabled(true);
                try {
                    Personalizer.Outcome outcome = get();
                    log.append("\n" + outcome.format());
                    log.setCaretPosition(log.getDocument().getLength());
                    if (outcome.result().model() == null) {
                        progress.setString("cancelled: the model in use is unchanged");
                    } else {
                        progress.setValue(1000);
                        progress.setString(outcome.model().isPresent() ? "done: agrees more with your labels" : "done: not better than its base");
                    }
                    eta.setText(" ");
                    outcome.model().ifPresent(m -> {
                        result = m;
                        useButton.setEnabled(true);
                    });
                } catch (ExecutionException e) {
                    progress.setString("failed");
                    log.append("\n" + Dialogs.describe(e.getCause()) + "\n");
                    start.setEnabled(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    /** Cancel while running (stops after the current batch; the model in use stays), or close. */
    private void close() {
        if (control != null && !start.isEnabled() && cancel.getText().equals("Cancel")) {
            control.stop();
            cancel.setEnabled(false);
            progress.setString("cancelling after the current batch…");
            return;
        }
        dialog.dispose();
    }

    /** The progress bar's value, 0-1000. */
    int progressValue() {
        return progress.getValue();
    }

    /** The log and report as shown. */
    String logText() {
        return log.getText();
    }

    boolean offersModel() {
        return useButton.isEnabled();
    }

}
