package io.emolens.ui;

import java.awt.Component;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import javax.swing.JComboBox;
import javax.swing.JOptionPane;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;

import io.emolens.data.Dataset;
import io.emolens.session.ModelLibrary;
import io.emolens.train.EnsembleBuilder;

/**
 * The training dialog's "Add to ensemble…": asks which ensemble in the models folder (or a new name), adds the
 * trained model as a member on a worker thread, refits the temperature, and reports the members and numbers.
 */
final class EnsembleAdder {
    static final String DEFAULT_NAME = "emolens-ensemble";

    private EnsembleAdder() {
    }

    /** Asks for the ensemble and starts adding {@code model}; {@code log} and {@code progress} show what happens. */
    static void ask(Component owner, ModelLibrary library, Path model, Dataset data, Consumer<String> log, JProgressBar progress,
                    Runnable whenDone) {
        JComboBox<String> names = new JComboBox<>();
        names.setEditable(true);
        library.entries().stream().filter(e -> e.ensemble() != null).forEach(e -> names.addItem(e.name()));
        if (names.getItemCount() == 0) {
            names.addItem(DEFAULT_NAME);
        }
        Object[] message = {"Add " + model.getParent().getFileName() + "/" + model.getFileName() + " to the ensemble (in " + library.folder()
                + "; a new name creates one). Its temperature is refitted on PublicTest.", names};
        if (JOptionPane.showConfirmDialog(owner, message, "Add to ensemble", JOptionPane.OK_CANCEL_OPTION) != JOptionPane.OK_OPTION
                || names.getSelectedItem() == null || names.getSelectedItem().toString().isBlank()) {
            whenDone.run();
            return;
        }
        String name = names.getSelectedItem().toString().trim();
        progress.setString("Adding the model to " + name + " and fitting its temperature…");
        new SwingWorker<EnsembleBuilder.Report, Void>() {
            @Override
            protected EnsembleBuilder.Report doInBackground() {
                return library.addToEnsemble(model, name, data, line -> SwingUtilities.invokeLater(() -> log.accept(line)));
            }

            @Override
            protected void done() {
                try {
                    EnsembleBuilder.Report r = get();
                    r.format().lines().forEach(log);
                    progress.setString(String.format("%s: %d members, PrivateTest accuracy %s, temperature %.3f. Use it from Model → Manage models…",
                            r.model().getFileName(), r.spec().members().size(),
                            ModelManagerDialog.pct(r.spec().members().isEmpty() ? null : privateTest(r)), r.spec().temperature()));
                } catch (ExecutionException e) {
                    progress.setString("Not added: " + Dialogs.describe(e.getCause()));
                    Dialogs.error(owner, "Cannot add to the ensemble", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                whenDone.run();
            }
        }.execute();
    }

    private static Double privateTest(EnsembleBuilder.Report r) {
        var list = r.evaluations().get("PrivateTest");
        return list == null ? null : list.get(list.size() - 1).accuracy();
    }
}
