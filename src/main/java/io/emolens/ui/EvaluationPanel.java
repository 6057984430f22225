package io.emolens.ui;

import java.awt.BorderLayout;
import java.awt.Image;

import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

import io.emolens.core.Emotion;
import io.emolens.eval.ConfusionHeatmap;
import io.emolens.eval.ConfusionMatrix;
import io.emolens.eval.Evaluation;

/** A model's evaluation: confusion-matrix heatmap and per-class precision, recall and F1. */
final class EvaluationPanel extends JPanel {
    private final JLabel heatmap = new JLabel("The evaluation on PrivateTest appears here when training ends.", JLabel.CENTER);
    private final DefaultTableModel table = new DefaultTableModel(new Object[] {"emotion", "precision", "recall", "F1", "support"}, 0);
    private final JLabel summary = new JLabel(" ");

    EvaluationPanel() {
        super(new BorderLayout(8, 8));
        add(heatmap, BorderLayout.CENTER);
        JPanel right = new JPanel(new BorderLayout());
        JTable t = new JTable(table);
        t.setEnabled(false);
        right.add(new JScrollPane(t), BorderLayout.CENTER);
        right.add(summary, BorderLayout.SOUTH);
        right.setPreferredSize(new java.awt.Dimension(360, 200));
        add(right, BorderLayout.EAST);
    }

    void show(Evaluation e) {
        ConfusionMatrix m = e.confusion();
        Image image = ConfusionHeatmap.render(m, e.split() + " confusion (rows = true label)");
        heatmap.setText(null);
        heatmap.setIcon(new ImageIcon(image));
        table.setRowCount(0);
        for (Emotion emotion : Emotion.values()) {
            table.addRow(new Object[] {emotion.label(), pct(m.precision(emotion)), pct(m.recall(emotion)), pct(m.f1(emotion)), m.support(emotion)});
        }
        summary.setText(String.format("%s: accuracy %.1f%%, macro-F1 %.3f, %d faces", e.split(), 100 * e.accuracy(), e.macroF1(), m.total()));
    }

    void clear() {
        heatmap.setIcon(null);
        heatmap.setText("The evaluation on PrivateTest appears here when training ends.");
        table.setRowCount(0);
        summary.setText(" ");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format("%.1f%%", 100 * v);
    }
}
