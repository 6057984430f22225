package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import javax.swing.filechooser.FileNameExtensionFilter;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.session.KerasImportService;
import io.emolens.session.ModelLibrary;

/**
 * Model → Import Keras model…: choose a Keras 2 .h5 file, preview its layers, input and parameters, set the name,
 * pixel normalization and the model's label order, and import it into the models folder; with FER2013 data loaded
 * before (Model → Train model…), the import also measures PrivateTest accuracy. "Use this model" makes it live.
 */
final class KerasImportDialog {
    static final String[] NORMALIZATIONS = {"unit  (pixel / 255)", "signed  (pixel / 127.5 − 1)", "raw  (0–255)"};
    private final JDialog dialog;
    private final ModelLibrary library;
    private final Path data;
    private final Consumer<Path> use;
    private final KerasImportService service = new KerasImportService();
    private final JTextField file = new JTextField(34);
    private final JTextField name = new JTextField(20);
    private final JComboBox<String> normalization = new JComboBox<>(NORMALIZATIONS);
    private final JTextField labels = new JTextField(String.join(",", Emotion.labels()), 40);
    private final JCheckBox check = new JCheckBox();
    private final JTextArea report = new JTextArea(16, 80);
    private final JProgressBar progress = new JProgressBar();
    private final JButton previewButton = new JButton("Preview");
    private final JButton importButton = new JButton("Import");
    private final JButton useButton = new JButton("Use this model");
    private Path imported;

    /**
     * @param library where imported models go
     * @param data    FER2013 data read before (null or missing: no accuracy check offered)
     * @param use     makes a model file the live classifier
     */
    KerasImportDialog(JFrame owner, ModelLibrary library, Path data, Consumer<Path> use) {
        this.library = library;
        this.data = data != null && Files.exists(data) ? data : null;
        this.use = use;
        dialog = new JDialog(owner, "Import Keras model", false);
        JPanel fileRow = new JPanel(new FlowLayout(FlowLayout.LEFT));
        fileRow.add(new JLabel("Keras file (.h5, saved with model.save()):"));
        fileRow.add(file);
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> browse());
        fileRow.add(browse);
        fileRow.add(previewButton);
        previewButton.addActionListener(e -> preview());
        file.addActionListener(e -> preview());

        FormPanel form = new FormPanel();
        form.addRow("Name", name, "Name of the model in the models folder and the status bar");
        form.addRow("Pixel normalization", normalization, "How the model was trained to see pixels: unit = pixel/255, "
                + "signed = pixel/127.5 − 1 (mini-Xception and many Keras models), raw = 0–255");
        form.addRow("Labels (the model's output order)", labels, "The model's seven outputs in its own order, comma-separated, "
                + "e.g. angry,disgust,fear,happy,neutral,sad,surprise for alphabetically ordered classes");
        check.setText(this.data == null ? "Accuracy check: load FER2013 data in Model → Train model… first"
                : "Measure PrivateTest accuracy on " + this.data.getFileName());
        check.setEnabled(this.data != null);
        check.setSelected(this.data != null);
        form.addRow("Accuracy check", check, "Scores the imported model on FER2013's PrivateTest split, as the app runs it");

        JPanel north = new JPanel(new BorderLayout());
        north.add(fileRow, BorderLayout.NORTH);
        north.add(form, BorderLayout.CENTER);
        report.setEditable(false);
        report.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        report.setText("Choose a Keras 2 HDF5 file and press Preview.");

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        progress.setIndeterminate(false);
        buttons.add(progress);
        buttons.add(importButton);
        buttons.add(useButton);
        JButton close = new JButton("Close");
        close.addActionListener(e -> dialog.dispose());
        buttons.add(close);
        importButton.addActionListener(e -> importModel());
        useButton.setEnabled(false);
        useButton.addActionListener(e -> useImported());
        dialog.getContentPane().add(north, BorderLayout.NORTH);
        dialog.getContentPane().add(new JScrollPane(report), BorderLayout.CENTER);
        dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
        dialog.pack();
        dialog.setLocationRelativeTo(owner);
    }

    void show() {
        dialog.setVisible(true);
    }

    JDialog window() {
        return dialog;
    }

    JTextArea report() {
        return report;
    }

    /** Sets the file field and previews it (as Browse… does). */
    void choose(Path h5) {
        file.setText(h5.toString());
        preview();
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Keras model");
        chooser.setFileFilter(new FileNameExtensionFilter("Keras HDF5 models (*.h5, *.hdf5, *.keras)", "h5", "hdf5", "keras"));
        if (chooser.showOpenDialog(dialog) == JFileChooser.APPROVE_OPTION) {
            choose(chooser.getSelectedFile().toPath());
        }
    }

    /** Reads the file in the field (Preview, or Enter in the field) and names the model after it unless named. */
    void preview() {
        Path h5 = Path.of(file.getText().trim());
        if (name.getText().isBlank() && h5.getFileName() != null) {
            name.setText(h5.getFileName().toString().replaceFirst("\\.(h5|hdf5|keras)$", "").replaceAll("[^A-Za-z0-9._-]", "-"));
        }
        run("Reading " + h5.getFileName() + "…", () -> service.preview(h5), p -> {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%s: Keras %s (%s), %s model, %d layers, %,d parameters%n", h5.getFileName(),
                    p.file().kerasVersion(), p.file().backend(), p.file().modelClass().equals("Sequential") ? "Sequential" : "functional",
                    p.file().layers().size(), p.parameters()));
            text.append(String.format("input %dx%dx%d (%s)%s%n%n", p.file().inputSize(), p.file().inputSize(), p.file().channels(),
                    p.file().dataFormat(), p.file().channels() == 3 ? ": the gray face is repeated in the 3 channels" : ""));
            p.layerLines().forEach(l -> text.append(l).append('\n'));
            report.setText(text.toString());
            report.setCaretPosition(0);
        });
    }

    void importModel() {
        Path h5 = Path.of(file.getText().trim());
        String modelName = name.getText().trim();
        String norm = ((String) normalization.getSelectedItem()).split(" ")[0];
        KerasImportService.Choices choices = new KerasImportService.Choices(labels.getText(), norm,
                modelName.isEmpty() ? null : modelName, check.isSelected() ? data : null);
        String preview = report.getText().startsWith("Not imported") ? "" : report.getText();
        run(check.isSelected() ? "Importing and measuring PrivateTest accuracy…" : "Importing…", () -> {
            Path tmp = Files.createTempDirectory("emolens-import");
            try {
                Path zip = tmp.resolve("model.zip");
                KerasImportService.Result r = service.importModel(h5, zip, choices, line -> { });
                Path installed = library.install(zip, modelName.isEmpty() ? h5.getFileName().toString().replaceFirst("\\.\\w+$", "") : modelName);
                return new Installed(installed, r);
            } finally {
                deleteAll(tmp);
            }
        }, done -> {
            imported = done.file();
            var m = done.result().metadata();
            StringBuilder text = new StringBuilder();
            text.append("Imported ").append(h5.getFileName()).append(" as ").append(done.file()).append('\n');
            text.append("input ").append(m.inputSpec()).append(" (").append(m.normalization()).append("); outputs in the model's order: ")
                    .append(String.join(", ", m.labels())).append('\n');
            if (done.result().test() != null) {
                text.append(String.format("PrivateTest accuracy %.1f%% on %d faces of %s (macro-F1 %.3f)%n", 100 * done.result().test().accuracy(),
                        done.result().test().confusion().total(), data.getFileName(), done.result().test().macroF1()));
            } else if (check.isSelected()) {
                text.append("No PrivateTest rows in ").append(data.getFileName()).append(": accuracy not measured\n");
            }
            text.append("Press \"Use this model\" to run it live.\n\n").append(preview);
            report.setText(text.toString());
            report.setCaretPosition(0);
            useButton.setEnabled(true);
        });
    }

    private record Installed(Path file, KerasImportService.Result result) {
    }

    private interface Work<T> {
        T call() throws Exception;
    }

    private <T> void run(String status, Work<T> work, Consumer<T> done) {
        progress.setIndeterminate(true);
        progress.setString(status);
        progress.setStringPainted(true);
        previewButton.setEnabled(false);
        importButton.setEnabled(false);
        new SwingWorker<T, Void>() {
            @Override
            protected T doInBackground() throws Exception {
                return work.call();
            }

            @Override
            protected void done() {
                progress.setIndeterminate(false);
                progress.setStringPainted(false);
                previewButton.setEnabled(true);
                importButton.setEnabled(true);
                try {
                    done.accept(get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    report.setText("Not imported: " + Dialogs.describe(cause instanceof IllegalArgumentException
                            ? new EmolensException(cause.getMessage()) : cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Hands the imported model to the app and closes the dialog. */
    void useImported() {
        if (imported != null) {
            use.accept(imported);
            dialog.dispose();
        }
    }

    /** Fills the form as a user would: name, normalization option (unit, signed, raw) and labels. */
    void setChoices(String modelName, String normalizationOption, String labelOrder) {
        name.setText(modelName);
        for (int i = 0; i < NORMALIZATIONS.length; i++) {
            if (NORMALIZATIONS[i].startsWith(normalizationOption + " ")) {
                normalization.setSelectedIndex(i);
            }
        }
        labels.setText(labelOrder);
    }
}
