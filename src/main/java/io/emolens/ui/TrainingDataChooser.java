package io.emolens.ui;

import java.awt.FlowLayout;
import java.awt.Font;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingWorker;

import io.emolens.data.Dataset;
import io.emolens.data.DatasetReader;
import io.emolens.data.ReadOptions;
import io.emolens.data.SplitReport;

/**
 * The training dialog's data row and report: a FER2013 CSV or image folder is chosen, read on a worker thread
 * (bad rows skipped and counted) and its split report shown; the dataset read last is what training uses.
 */
final class TrainingDataChooser {
    private final JDialog owner;
    private final JProgressBar progress;
    private final Consumer<Path> onRead;
    private final JTextField field = new JTextField(36);
    private final JButton check = new JButton("Check data");
    private final JTextArea report = new JTextArea();
    private final JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT));
    private Dataset dataset;

    /** @param onRead called on the EDT after data was read, with its path */
    TrainingDataChooser(JDialog owner, JProgressBar progress, String lastData, Consumer<Path> onRead) {
        this.owner = owner;
        this.progress = progress;
        this.onRead = onRead;
        field.setText(lastData);
        report.setEditable(false);
        report.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        row.add(new JLabel("FER2013 data (fer2013.csv or a train/ test/ folder):"));
        row.add(field);
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> browse());
        row.add(browse);
        row.add(check);
        check.addActionListener(e -> check(() -> { }));
    }

    JPanel row() {
        return row;
    }

    JTextArea report() {
        return report;
    }

    /** The data read last, or null before the first successful check. */
    Dataset dataset() {
        return dataset;
    }

    void setData(String path) {
        field.setText(path);
    }

    String dataText() {
        return field.getText().trim();
    }

    void setEnabled(boolean enabled) {
        check.setEnabled(enabled);
    }

    /** Reads the data in the field on a worker thread, shows its split report, then runs {@code then} on the EDT. */
    void check(Runnable then) {
        Path path = Path.of(dataText());
        check.setEnabled(false);
        progress.setIndeterminate(true);
        progress.setString("Reading " + path.getFileName() + "…");
        new SwingWorker<SplitReport, Void>() {
            private Dataset read;

            @Override
            protected SplitReport doInBackground() {
                read = DatasetReader.readAny(path, ReadOptions.DEFAULT);
                return SplitReport.of(read);
            }

            @Override
            protected void done() {
                progress.setIndeterminate(false);
                check.setEnabled(true);
                try {
                    SplitReport r = get();
                    dataset = read;
                    report.setText(r.format());
                    report.setCaretPosition(0);
                    progress.setString(read.faces().size() + " faces read; ready to train");
                    onRead.accept(path);
                    then.run();
                } catch (ExecutionException e) {
                    dataset = null;
                    progress.setString("Data not usable");
                    Dialogs.error(owner, "Cannot read " + path, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(dataText().isEmpty() ? null : Path.of(dataText()).toAbsolutePath().getParent().toFile());
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        if (chooser.showOpenDialog(owner) == JFileChooser.APPROVE_OPTION) {
            field.setText(chooser.getSelectedFile().getPath());
            check(() -> { });
        }
    }
}
