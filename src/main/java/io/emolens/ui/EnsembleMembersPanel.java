package io.emolens.ui;

import java.awt.BorderLayout;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

import io.emolens.classify.EnsembleMember;
import io.emolens.classify.EnsembleSpec;
import io.emolens.session.ModelLibrary;

/** The members of the model selected in the model manager and how its inference combines them; one row for a plain model. */
final class EnsembleMembersPanel extends JPanel {
    private static final String[] COLUMNS = {"member", "architecture", "seed", "best epoch", "PublicTest", "PrivateTest",
        "PrivateTest, as run here", "data", "trained"};
    private final JLabel summary = new JLabel(" ");
    private final DefaultTableModel rows = new DefaultTableModel(COLUMNS, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(rows);

    EnsembleMembersPanel() {
        super(new BorderLayout(4, 4));
        setBorder(BorderFactory.createTitledBorder("Members"));
        add(summary, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
        int[] widths = {150, 90, 50, 70, 80, 80, 170, 100, 90};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
    }

    /** Lists {@code entry}'s members; null clears the panel. */
    void show(ModelLibrary.Entry entry) {
        rows.setRowCount(0);
        if (entry == null || entry.metadata() == null) {
            summary.setText(entry == null ? " " : "Unusable: " + entry.problem());
            return;
        }
        EnsembleSpec spec = entry.ensemble();
        if (spec == null) {
            var m = entry.metadata();
            summary.setText(origin(entry, entry.name() + ": one network, no flip averaging, confidences uncalibrated (temperature 1)."));
            Object seed = m.training() == null ? null : m.training().get("seed");
            rows.addRow(new Object[] {entry.file().getFileName().toString(), m.architecture(), seed == null ? "–" : seed, m.bestEpoch(),
                ModelManagerDialog.pct(m.accuracy().get("PublicTest")), ModelManagerDialog.pct(m.accuracy().get("PrivateTest")), "–",
                m.data() == null ? "–" : java.nio.file.Path.of(m.data()).getFileName().toString(), date(m.created())});
            return;
        }
        summary.setText(origin(entry, String.format("%s: ensemble of %d, mean of the members' probabilities%s,<br>temperature %.3f%s; ECE on PrivateTest %s (%s uncalibrated).",
                entry.name(), spec.members().size(), spec.flipAverage() ? " over each face and its mirror image" : "", spec.temperature(),
                spec.temperatureFittedOn() == null ? "" : " (fitted on " + spec.temperatureFittedOn() + ")",
                number(spec.ece() == null ? null : spec.ece().get("PrivateTest")),
                number(spec.uncalibratedEce() == null ? null : spec.uncalibratedEce().get("PrivateTest")))));
        for (EnsembleMember m : spec.members()) {
            rows.addRow(new Object[] {m.name(), m.architecture(), m.seed() == null ? "–" : m.seed(), m.bestEpoch(),
                ModelManagerDialog.pct(m.accuracy() == null ? null : m.accuracy().get("PublicTest")),
                ModelManagerDialog.pct(m.accuracy() == null ? null : m.accuracy().get("PrivateTest")),
                ModelManagerDialog.pct(m.ensembleAccuracy() == null ? null : m.ensembleAccuracy().get("PrivateTest")),
                m.data() == null ? "–" : m.data(), date(m.created())});
        }
    }

    /** {@code text} as HTML, after the model's fine-tuning origin when it has one. */
    private static String origin(ModelLibrary.Entry entry, String text) {
        java.util.Optional<String> origin = ModelLibrary.origin(entry.metadata());
        return origin.isEmpty() && !text.contains("<br>") ? text : "<html>" + origin.map(o -> o + "<br>").orElse("") + text + "</html>";
    }

    int memberRows() {
        return rows.getRowCount();
    }

    String summaryText() {
        return summary.getText();
    }

    private static String date(String iso) {
        return iso == null ? "–" : iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    private static String number(Double v) {
        return v == null ? "–" : String.format("%.3f", v);
    }
}
