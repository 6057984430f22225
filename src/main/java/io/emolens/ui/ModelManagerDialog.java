package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;

import io.emolens.core.EmolensException;
import io.emolens.session.ModelLibrary;

/**
 * Model → Manage models…: the shipped models (read-only) and the user's, with each model's accuracies; use any,
 * rename or delete the user's. An ensemble is one row (one file); selecting it lists its members and its inference
 * (flips, temperature) below.
 */
final class ModelManagerDialog {
    private static final String[] COLUMNS = {"model", "architecture", "members", "PrivateTest", "PublicTest", "best epoch", "created", "where", "status"};
    private final ModelLibrary library;
    private final Consumer<Path> use;
    private final JDialog dialog;
    private final DefaultTableModel rows = new DefaultTableModel(COLUMNS, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(rows);
    private final EnsembleMembersPanel members = new EnsembleMembersPanel();
    private List<ModelLibrary.Entry> entries = List.of();

    ModelManagerDialog(JFrame owner, ModelLibrary library, Consumer<Path> use) {
        this.library = library;
        this.use = use;
        dialog = new JDialog(owner, "Models", false);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(button("Use", this::useSelected));
        buttons.add(button("Rename…", this::renameSelected));
        buttons.add(button("Delete", this::deleteSelected));
        buttons.add(button("Close", dialog::dispose));
        dialog.getContentPane().add(new JLabel("<html>&nbsp;Your models: " + library.folder()
                + "<br>&nbsp;Accuracies are measured on FER2013 splits when the model was saved. Shipped models are read-only.</html>"), BorderLayout.NORTH);
        table.getSelectionModel().addListSelectionListener(e -> showMembers());
        int[] widths = {170, 180, 70, 90, 90, 80, 100, 70, 80};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        JSplitPane center = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), members);
        center.setResizeWeight(0.5);
        dialog.getContentPane().add(center, BorderLayout.CENTER);
        dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
        dialog.setSize(960, 520);
        dialog.setLocationRelativeTo(owner);
        refresh();
    }

    void show() {
        dialog.setVisible(true);
    }

    JTable table() {
        return table;
    }

    EnsembleMembersPanel members() {
        return members;
    }

    JDialog window() {
        return dialog;
    }

    private void showMembers() {
        int row = table.getSelectedRow();
        members.show(row < 0 || row >= entries.size() ? null : entries.get(row));
    }

    void refresh() {
        entries = library.entries();
        rows.setRowCount(0);
        for (ModelLibrary.Entry e : entries) {
            if (e.metadata() == null) {
                rows.addRow(new Object[] {e.name(), "", "", "", "", "", "", where(e), "unusable: " + e.problem()});
            } else {
                var m = e.metadata();
                rows.addRow(new Object[] {e.name(), m.architecture(), e.ensemble() == null ? 1 : e.ensemble().members().size(),
                        pct(m.accuracy().get("PrivateTest")), pct(m.accuracy().get("PublicTest")),
                        m.keras() != null ? "imported" : e.ensemble() == null ? m.bestEpoch() : "–",
                        m.created().length() >= 10 ? m.created().substring(0, 10) : m.created(), where(e), "ok"});
            }
        }
        if (!entries.isEmpty()) {
            table.setRowSelectionInterval(0, 0);
        }
        showMembers();
    }

    void useSelected() {
        selected().ifPresent(e -> {
            use.accept(e.file());
            dialog.dispose();
        });
    }

    void renameSelected() {
        selected().ifPresent(e -> {
            String name = JOptionPane.showInputDialog(dialog, "New name for " + e.name() + ":", e.name());
            if (name != null && !name.isBlank()) {
                act(() -> library.rename(e.file(), name.trim()));
            }
        });
    }

    void deleteSelected() {
        selected().ifPresent(e -> {
            if (JOptionPane.showConfirmDialog(dialog, "Delete " + e.name() + " and its metadata?", "Delete model",
                    JOptionPane.OK_CANCEL_OPTION) == JOptionPane.OK_OPTION) {
                act(() -> library.delete(e.file()));
            }
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (EmolensException ex) {
            Dialogs.error(dialog, "Models", ex);
        }
        refresh();
    }

    private java.util.Optional<ModelLibrary.Entry> selected() {
        int row = table.getSelectedRow();
        if (row < 0) {
            JOptionPane.showMessageDialog(dialog, "Select a model first.", "Models", JOptionPane.INFORMATION_MESSAGE);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(entries.get(row));
    }

    private static JButton button(String text, Runnable action) {
        JButton b = new JButton(text);
        b.addActionListener(e -> action.run());
        return b;
    }

    private static String where(ModelLibrary.Entry e) {
        return e.shipped() ? "shipped" : "yours";
    }

    static String pct(Double v) {
        return v == null ? "–" : String.format("%.1f%%", 100 * v);
    }
}
